package dev.cnnlab.device;

import ai.djl.Device;

/**
 * The device one run computes on, and how results name it.
 *
 * @param device DJL's device: every array of the run lives there
 * @param description what provenance records: {@code cpu()}, or {@code gpu(0) <model name>}
 */
public record ComputeDevice(Device device, String description) {

    /** The CPU, described as results have always named it. */
    public static final ComputeDevice CPU =
            new ComputeDevice(Device.cpu(), Device.cpu().toString());

    /** GPU {@code index} as the CUDA runtime numbers it, named by {@code probe}. */
    static ComputeDevice gpu(int index, GpuProbe probe) {
        Device gpu = Device.gpu(index);
        return new ComputeDevice(gpu, gpu + " " + probe.describe(index));
    }

    public boolean isGpu() {
        return device.isGpu();
    }
}

package dev.cnnlab.cli;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.device.ComputeDevice;
import dev.cnnlab.device.DeviceRequest;
import dev.cnnlab.device.GpuProbe;
import dev.cnnlab.device.NativeFlavour;

/** The {@code --device} option of {@code train}, {@code study} and {@code bench}: one description, one parser. */
final class DeviceChoice {

    static final String DESCRIPTION =
            "cpu, gpu or gpu:N (default: the first GPU when this build and machine have" + " one, else the CPU)";

    private DeviceChoice() {}

    /** What {@code --device value} asks for (null = the default). */
    static DeviceRequest request(String value) {
        if (value == null) {
            return DeviceRequest.AUTO;
        }
        try {
            return DeviceRequest.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CnnlabException("--device " + e.getMessage());
        }
    }

    /**
     * The device {@code --device value} means here; a missing GPU, or a CUDA build on a machine
     * without one, is a {@code DeviceUnavailable}. Commands call it before writing anything.
     */
    static ComputeDevice resolve(String value) {
        NativeFlavour flavour = NativeFlavour.bundled();
        DeviceRequest request = request(value);
        DeviceRequest.requireUsable(flavour, GpuProbe.SYSTEM);
        return request.resolve(flavour, GpuProbe.SYSTEM);
    }
}

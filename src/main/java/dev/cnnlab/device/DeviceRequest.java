package dev.cnnlab.device;

import java.util.Locale;

/**
 * What {@code --device} asked for: {@code cpu}, {@code gpu} (the first GPU), {@code gpu:N}, or
 * nothing (the first GPU when one is usable, else the CPU).
 *
 * @param text the value as given, or null for the default
 * @param gpuIndex the GPU asked for; -1 for the CPU, and for the default
 */
public record DeviceRequest(String text, int gpuIndex) {

    /** The default: the first usable GPU, else the CPU. */
    public static final DeviceRequest AUTO = new DeviceRequest(null, -1);

    /** What a valid value looks like, for messages. */
    public static final String FORMS = "cpu, gpu or gpu:N (N = 0, 1, ... as the CUDA runtime numbers the GPUs)";

    /**
     * Parses a {@code --device} value.
     *
     * @throws IllegalArgumentException naming the valid forms
     */
    public static DeviceRequest parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("cpu")) {
            return new DeviceRequest(value, -1);
        }
        if (value.equals("gpu") || value.equals("cuda")) {
            return new DeviceRequest(value, 0);
        }
        for (String prefix : new String[] {"gpu:", "cuda:"}) {
            if (value.startsWith(prefix)) {
                try {
                    int index = Integer.parseInt(value.substring(prefix.length()));
                    if (index >= 0) {
                        return new DeviceRequest(value, index);
                    }
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        throw new IllegalArgumentException("must be " + FORMS + ", got '" + text + "'");
    }

    /** The device this request means on a machine whose build is {@code flavour}. */
    public ComputeDevice resolve(NativeFlavour flavour, GpuProbe probe) {
        boolean auto = text == null;
        if (!auto && gpuIndex < 0) {
            return ComputeDevice.CPU;
        }
        if (!flavour.isCuda()) {
            if (auto) {
                return ComputeDevice.CPU;
            }
            throw new DeviceUnavailable(
                    DeviceUnavailable.Reason.CPU_BUILD,
                    text,
                    "this is the CPU build of cnnlab (libtorch " + flavour.libtorchVersion() + " " + flavour.name()
                            + "), which cannot use a GPU");
        }
        int gpus = probe.gpuCount();
        if (auto) {
            return gpus > 0 ? ComputeDevice.gpu(0, probe) : ComputeDevice.CPU;
        }
        if (gpuIndex >= gpus) {
            throw new DeviceUnavailable(
                    DeviceUnavailable.Reason.NO_SUCH_GPU,
                    text,
                    gpus == 0
                            ? "the CUDA runtime finds no GPU on this machine"
                            : "this machine has " + gpus + " usable GPU" + (gpus == 1 ? "" : "s") + " (gpu:0"
                                    + (gpus == 1 ? "" : " to gpu:" + (gpus - 1)) + ")");
        }
        return ComputeDevice.gpu(gpuIndex, probe);
    }

    /**
     * Refuses a CUDA build on a machine whose CUDA runtime it cannot use, before libtorch is
     * loaded (DJL would otherwise look for other natives to download).
     */
    public static void requireUsable(NativeFlavour flavour, GpuProbe probe) {
        if (!flavour.isCuda()) {
            return;
        }
        int version = probe.cudaVersion();
        if (version < 0 || probe.gpuCount() == 0) {
            throw new DeviceUnavailable(
                    DeviceUnavailable.Reason.CUDA_BUILD_UNUSABLE,
                    null,
                    "this is the CUDA build of cnnlab (libtorch " + flavour.libtorchVersion() + " " + flavour.name()
                            + ") and this machine has no usable CUDA GPU");
        }
        if (version < NativeFlavour.CUDA_11_8) {
            throw new DeviceUnavailable(
                    DeviceUnavailable.Reason.CUDA_BUILD_UNUSABLE,
                    null,
                    "this is the CUDA build of cnnlab (libtorch " + flavour.libtorchVersion()
                            + " " + flavour.name()
                            + "), which needs a CUDA runtime of 11.8 or newer; the CUDA runtime found offers "
                            + version / 1000 + "." + version % 1000 / 10);
        }
    }
}

package dev.cnnlab.device;

import dev.cnnlab.CnnlabException;

/**
 * The requested device, or the build itself, cannot run here. The message says what is missing;
 * the command line adds how to choose another device or build, by {@link #reason()}.
 */
public final class DeviceUnavailable extends CnnlabException {

    private static final long serialVersionUID = 1L;

    /** What stands in the way. */
    public enum Reason {
        /** A GPU was asked of the CPU build. */
        CPU_BUILD,
        /** The CUDA build has no GPU of that index here. */
        NO_SUCH_GPU,
        /** The CUDA build cannot run here at all: no usable GPU or too old a CUDA runtime. */
        CUDA_BUILD_UNUSABLE
    }

    private final Reason reason;
    private final String requested;

    /**
     * @param reason what stands in the way
     * @param requested the device asked for as the user wrote it ({@code gpu}, {@code gpu:2}), or
     *     null for {@link Reason#CUDA_BUILD_UNUSABLE}, which concerns the build whatever was asked
     * @param problem what is missing
     */
    public DeviceUnavailable(Reason reason, String requested, String problem) {
        super(problem);
        this.reason = reason;
        this.requested = requested;
    }

    public Reason reason() {
        return reason;
    }

    /** The device asked for, or null when the build cannot run here at all. */
    public String requested() {
        return requested;
    }

    /** What is missing. */
    public String problem() {
        return getMessage();
    }
}

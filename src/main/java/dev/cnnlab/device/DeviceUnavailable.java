package dev.cnnlab.device;

import dev.cnnlab.CnnlabException;

/**
 * The requested device, or the build itself, cannot run here. The message says what is missing;
 * the command line adds how to choose another device or build.
 */
public final class DeviceUnavailable extends CnnlabException {

    private static final long serialVersionUID = 1L;

    private final String requested;

    /**
     * @param requested the device asked for as the user wrote it ({@code gpu}, {@code gpu:2}), or
     *     null when the build cannot run at all
     * @param problem what is missing
     */
    public DeviceUnavailable(String requested, String problem) {
        super(problem);
        this.requested = requested;
    }

    /** The device asked for, or null when the CUDA build found no usable CUDA runtime. */
    public String requested() {
        return requested;
    }

    /** What is missing. */
    public String problem() {
        return getMessage();
    }
}

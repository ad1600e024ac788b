package dev.cnnlab.cli;

import dev.cnnlab.device.ComputeDevice;
import picocli.CommandLine.Option;

/** The {@code --device} option shared by every command that computes. */
final class DeviceOption {

    @Option(names = "--device", paramLabel = "D", description = DeviceChoice.DESCRIPTION)
    String device;

    /** The device asked for (or the default), checked before anything is written. */
    ComputeDevice resolve() {
        return DeviceChoice.resolve(device);
    }
}

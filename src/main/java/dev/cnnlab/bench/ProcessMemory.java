package dev.cnnlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process from /proc/self/status (Linux); -1 elsewhere. */
final class ProcessMemory {

    private ProcessMemory() {}

    /** Current resident set size in MB. */
    static long rssMb() {
        return field("VmRSS:");
    }

    /** Peak resident set size in MB (high-water mark since start). */
    static long peakRssMb() {
        return field("VmHWM:");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}

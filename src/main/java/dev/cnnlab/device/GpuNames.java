package dev.cnnlab.device;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * GPU model names from {@code nvidia-smi}, which lists physical GPUs: an index the CUDA runtime
 * sees is mapped through {@code CUDA_VISIBLE_DEVICES} (as a worker of {@code study --workers}
 * gets it) when that lists plain indices.
 */
final class GpuNames {

    private GpuNames() {}

    /** The name of the CUDA-visible GPU {@code index}, when nvidia-smi answers within 10 s. */
    static Optional<String> query(int index) {
        List<String> names = nvidiaSmiNames();
        int physical = physicalIndex(index, System.getenv("CUDA_VISIBLE_DEVICES"));
        return physical >= 0 && physical < names.size() ? Optional.of(names.get(physical)) : Optional.empty();
    }

    /** The physical index behind visible index {@code index}; -1 when the variable names GPUs by UUID. */
    static int physicalIndex(int index, String visibleDevices) {
        if (visibleDevices == null || visibleDevices.isBlank()) {
            return index;
        }
        String[] listed = visibleDevices.split(",");
        if (index >= listed.length) {
            return -1;
        }
        try {
            return Integer.parseInt(listed[index].trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> nvidiaSmiNames() {
        try {
            Process smi = new ProcessBuilder("nvidia-smi", "--query-gpu=name", "--format=csv,noheader")
                    .redirectErrorStream(true)
                    .start();
            byte[] out = smi.getInputStream().readAllBytes();
            if (!smi.waitFor(10, TimeUnit.SECONDS) || smi.exitValue() != 0) {
                smi.destroyForcibly();
                return List.of();
            }
            return new String(out, StandardCharsets.UTF_8)
                    .lines()
                    .map(String::trim)
                    .toList();
        } catch (IOException e) {
            return List.of(); // no nvidia-smi on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}

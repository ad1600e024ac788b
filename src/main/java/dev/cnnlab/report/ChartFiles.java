package dev.cnnlab.report;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.util.Files2;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Writes the drawn charts as PNG and SVG next to {@code report.md}, atomically, and removes stale ones. */
final class ChartFiles {

    private ChartFiles() {}

    static void write(Path dir, List<RenderedChart> charts) {
        Files2.createDirectories(dir, "the report's chart folder");
        Set<String> written = new HashSet<>();
        for (RenderedChart chart : charts) {
            if (chart.drawn()) {
                writeAtomically(dir.resolve(chart.pngFile()), chart.png());
                writeAtomically(dir.resolve(chart.svgFile()), chart.svg());
                written.add(chart.pngFile());
                written.add(chart.svgFile());
            }
        }
        // a chart drawn by an earlier report but skipped now must not be linked as if current
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if ((name.endsWith(".png") || name.endsWith(".svg")) && !written.contains(name)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new CnnlabException("cannot tidy " + dir + ": " + e.getMessage() + "; check its permissions");
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CnnlabException("cannot write " + file + ": " + e.getMessage()
                    + "; check that the directory is writable and the disk not full");
        }
    }
}

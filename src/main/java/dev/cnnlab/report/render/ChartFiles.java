package dev.cnnlab.report.render;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.report.content.RenderedChart;
import dev.cnnlab.util.Files2;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Puts the drawn charts next to the reports as PNG and SVG files. */
public final class ChartFiles {

    private ChartFiles() {}

    /** Writes the drawn charts as PNG and SVG into {@code dir}, atomically, and removes stale ones. */
    public static void writeAll(Path dir, List<RenderedChart> charts) {
        Files2.createDirectories(dir, "the report's chart folder");
        Set<String> written = new HashSet<>();
        for (RenderedChart chart : charts) {
            if (chart.drawn()) {
                Files2.writeAtomically(dir.resolve(chart.pngFile()), chart.png());
                Files2.writeAtomically(dir.resolve(chart.svgFile()), chart.svg());
                written.add(chart.pngFile());
                written.add(chart.svgFile());
            }
        }
        // a chart drawn by an earlier report but skipped now must not be linked as if current
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String fileName = file.getFileName().toString();
                if ((fileName.endsWith(".png") || fileName.endsWith(".svg")) && !written.contains(fileName)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new CnnlabException("cannot tidy " + dir + ": " + e.getMessage() + "; check its permissions");
        }
    }
}

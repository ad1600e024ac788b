package dev.cnnlab.report;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.util.Files2;
import java.awt.AWTError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart as PNG and SVG bytes, or the reason it was not drawn: {@link #render} draws an XChart
 * chart headless, {@link #writeAll} puts the drawn ones next to the reports. A chart that cannot
 * be drawn (say, a machine without fonts) becomes a note in the report instead of failing it: the
 * tables are what matters, and they must always be written.
 *
 * @param name file-name stem under {@code report-files/}
 * @param title what the chart shows
 * @param caption one sentence for readers
 * @param png PNG bytes, or null when not drawn
 * @param svg SVG bytes, or null when not drawn
 * @param note why it was not drawn, or null when drawn
 */
record RenderedChart(String name, String title, String caption, byte[] png, byte[] svg, String note) {

    static {
        // reports are written by command-line and CI processes without a display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static RenderedChart skipped(String name, String title, String note) {
        return new RenderedChart(name, title, null, null, null, note);
    }

    /** Builds and encodes a chart, or returns it skipped with the reason. */
    static RenderedChart render(String name, String title, String caption, Supplier<? extends Chart<?, ?>> build) {
        try {
            Chart<?, ?> chart = build.get();
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return new RenderedChart(name, title, caption, png, svg.toByteArray(), null);
        } catch (IOException | RuntimeException | LinkageError | AWTError e) {
            String message = e.getMessage() == null
                    ? ""
                    : ": " + e.getMessage().lines().findFirst().orElse("");
            return skipped(
                    name,
                    title,
                    "Chart not drawn (" + e.getClass().getSimpleName() + message
                            + "); the tables above hold the same numbers.");
        }
    }

    /** Writes the drawn charts as PNG and SVG into {@code dir}, atomically, and removes stale ones. */
    static void writeAll(Path dir, List<RenderedChart> charts) {
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

    boolean drawn() {
        return png != null;
    }

    String pngFile() {
        return name + ".png";
    }

    String svgFile() {
        return name + ".svg";
    }
}

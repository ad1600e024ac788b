package dev.cnnlab.report;

import java.awt.AWTError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Supplier;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Turns an XChart chart into PNG and SVG bytes, headless. A chart that cannot be drawn (say, a
 * machine without fonts) becomes a note in the report instead of failing it: the tables are
 * what matters, and they must always be written.
 */
final class ChartEncoder {

    static {
        // reports are written by command-line and CI processes without a display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartEncoder() {}

    /** Builds and encodes a chart, or returns it skipped with the reason. */
    static RenderedChart render(String name, String title, String caption, Supplier<? extends Chart<?, ?>> build) {
        try {
            Chart<?, ?> chart = build.get();
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return new RenderedChart(name, title, caption, png, svg.toByteArray(), null);
        } catch (IOException | RuntimeException | LinkageError | AWTError e) {
            String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
            return RenderedChart.skipped(name, title, "Chart not drawn (" + e.getClass().getSimpleName() + message
                    + "); the tables above hold the same numbers.");
        }
    }
}

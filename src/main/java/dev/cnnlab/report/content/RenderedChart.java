package dev.cnnlab.report.content;

/**
 * A chart as PNG and SVG bytes, or the reason it was not drawn: the render package draws it
 * ({@code ChartFactory}) and writes the drawn ones next to the reports ({@code ChartFiles}). A
 * chart that cannot be drawn (say, a machine without fonts) becomes a note in the report instead
 * of failing it: the tables are what matters, and they must always be written.
 *
 * @param name file-name stem under {@code report-files/}
 * @param title what the chart shows
 * @param caption one sentence for readers
 * @param png PNG bytes, or null when not drawn
 * @param svg SVG bytes, or null when not drawn
 * @param note why it was not drawn, or null when drawn
 */
public record RenderedChart(String name, String title, String caption, byte[] png, byte[] svg, String note) {

    public static RenderedChart skipped(String name, String title, String note) {
        return new RenderedChart(name, title, null, null, null, note);
    }

    public boolean drawn() {
        return png != null;
    }

    public String pngFile() {
        return name + ".png";
    }

    public String svgFile() {
        return name + ".svg";
    }
}

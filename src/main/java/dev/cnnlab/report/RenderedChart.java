package dev.cnnlab.report;

/**
 * A chart as image bytes, or the reason it was not drawn.
 *
 * @param name file-name stem under {@code report-files/}
 * @param title what the chart shows
 * @param caption one sentence for readers
 * @param png PNG bytes, or null when not drawn
 * @param svg SVG bytes, or null when not drawn
 * @param note why it was not drawn, or null when drawn
 */
record RenderedChart(String name, String title, String caption, byte[] png, byte[] svg, String note) {

    static RenderedChart skipped(String name, String title, String note) {
        return new RenderedChart(name, title, null, null, null, note);
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

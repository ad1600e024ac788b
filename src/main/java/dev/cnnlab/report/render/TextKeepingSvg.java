package dev.cnnlab.report.render;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.VectorHints;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes an XChart chart as SVG whose text is {@code <text>}, searchable and small, not glyph
 * outlines. XChart fills every string as the outline of its {@code TextLayout} (knowm/XChart
 * issue 499), so no Graphics2D setting can keep it; this one recognises each filled outline as a
 * string it was told of (titles, tick labels, legend entries, annotations), in one of the chart's
 * fonts, and draws that string instead, which VectorGraphics2D writes as {@code <text>}. A shape
 * it does not recognise is filled as before, so a missed string is still drawn, as a path.
 */
final class TextKeepingSvg {

    /** Outline points may differ by rounding only. */
    private static final double TOLERANCE = 1e-3;
    /** XChart lays some text out with this context instead of the graphics' own. */
    private static final FontRenderContext XCHART_CONTEXT = new FontRenderContext(null, true, false);
    /** VectorGraphics2D leaves out the size of 12 px text (its own default); SVG's default is 16 px. */
    private static final String DEFAULT_SIZE = " style=\"font-size:12px\"";

    private TextKeepingSvg() {}

    /** The chart as SVG bytes, its strings recorded by {@code texts}. */
    static byte[] encode(Chart<?, ?> chart, ChartTexts texts) throws IOException {
        // a first paint has the chart format its tick labels, so every string is known before the real one
        chart.paint(new VectorGraphics2D(), chart.getWidth(), chart.getHeight());
        Graphics g = new Graphics(texts.strings(), texts.fonts());
        g.setRenderingHint(VectorHints.KEY_TEXT, VectorHints.VALUE_TEXT_DEFAULT);
        chart.paint(g, chart.getWidth(), chart.getHeight());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SVGProcessor()
                .getDocument(g.getCommands(), new PageSize(0, 0, chart.getWidth(), chart.getHeight()))
                .writeTo(out);
        String svg = out.toString(StandardCharsets.UTF_8);
        return svg.replaceFirst("<svg ", "<svg" + DEFAULT_SIZE + " ").getBytes(StandardCharsets.UTF_8);
    }

    /** One string in one font, its outline laid out at the origin. */
    private record Candidate(String text, Font font, double[] path, int[] types) {}

    /** A VectorGraphics2D that draws recognised text outlines as strings. */
    private static final class Graphics extends VectorGraphics2D {
        private final List<String> texts;
        private final List<Font> fonts;
        private final Map<Integer, List<Candidate>> bySegments = new HashMap<>();

        Graphics(Collection<String> texts, Collection<Font> fonts) {
            this.texts = List.copyOf(new LinkedHashSet<>(texts));
            this.fonts = List.copyOf(new LinkedHashSet<>(fonts));
        }

        @Override
        public void fill(Shape shape) {
            if (!drawAsText(shape)) {
                super.fill(shape);
            }
        }

        private boolean drawAsText(Shape shape) {
            Path s = Path.of(shape, null);
            if (s.points.length == 0) {
                return false;
            }
            if (bySegments.isEmpty()) {
                index();
            }
            for (Candidate c : bySegments.getOrDefault(s.types.length, List.of())) {
                if (!Arrays.equals(c.types(), s.types)) {
                    continue;
                }
                // XChart rotates the y axis title a quarter turn; everything else is upright
                for (double angle : new double[] {0, -Math.PI / 2, Math.PI / 2}) {
                    double[] rotated = rotate(c.path(), angle);
                    double dx = s.points[0] - rotated[0];
                    double dy = s.points[1] - rotated[1];
                    if (matches(s.points, rotated, dx, dy)) {
                        Font font = getFont();
                        AffineTransform transform = getTransform();
                        setFont(c.font());
                        translate(dx, dy);
                        rotate(angle);
                        drawString(c.text(), 0f, 0f);
                        setTransform(transform);
                        setFont(font);
                        return true;
                    }
                }
            }
            return false;
        }

        private void index() {
            for (String text : texts) {
                if (text == null || text.isBlank()) {
                    continue;
                }
                for (Font font : fonts) {
                    for (FontRenderContext context : List.of(getFontRenderContext(), XCHART_CONTEXT)) {
                        Path p = Path.of(new TextLayout(text, font, context).getOutline(null), null);
                        if (p.types.length > 0) {
                            bySegments
                                    .computeIfAbsent(p.types.length, k -> new ArrayList<>())
                                    .add(new Candidate(text, font, p.points, p.types));
                        }
                    }
                }
            }
        }

        private static double[] rotate(double[] points, double angle) {
            if (angle == 0) {
                return points;
            }
            double[] out = new double[points.length];
            AffineTransform.getRotateInstance(angle).transform(points, 0, out, 0, points.length / 2);
            return out;
        }

        private static boolean matches(double[] shape, double[] candidate, double dx, double dy) {
            if (shape.length != candidate.length) {
                return false;
            }
            for (int i = 0; i < shape.length; i += 2) {
                if (Math.abs(shape[i] - candidate[i] - dx) > TOLERANCE
                        || Math.abs(shape[i + 1] - candidate[i + 1] - dy) > TOLERANCE) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A shape's segment types and all its points, in order. */
    private record Path(int[] types, double[] points) {
        static Path of(Shape shape, AffineTransform at) {
            List<Integer> types = new ArrayList<>();
            double[] points = new double[64];
            int n = 0;
            double[] coords = new double[6];
            for (PathIterator it = shape.getPathIterator(at); !it.isDone(); it.next()) {
                int type = it.currentSegment(coords);
                types.add(type);
                int count = switch (type) {
                    case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 2;
                    case PathIterator.SEG_QUADTO -> 4;
                    case PathIterator.SEG_CUBICTO -> 6;
                    default -> 0;
                };
                if (n + count > points.length) {
                    points = Arrays.copyOf(points, Math.max(points.length * 2, n + count));
                }
                System.arraycopy(coords, 0, points, n, count);
                n += count;
            }
            return new Path(types.stream().mapToInt(Integer::intValue).toArray(), Arrays.copyOf(points, n));
        }
    }
}

package dev.cnnlab.report.render;

import java.awt.Font;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Function;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * Every string a chart draws and the fonts it draws them in, for {@link TextKeepingSvg}: titles,
 * legend entries and annotations as given, tick labels as the chart formats them (its axes'
 * formatters are wrapped to record each label; an axis without one gets plain numbers). Tick
 * labels are known once the chart has been painted.
 */
final class ChartTexts {

    private final Set<String> strings = new CopyOnWriteArraySet<>();
    private final List<Font> fonts = new ArrayList<>();

    private ChartTexts() {}

    /** Starts recording the texts of {@code chart}, whose text annotations are {@code annotations}. */
    static ChartTexts record(Chart<?, ?> chart, Collection<String> annotations) {
        ChartTexts texts = new ChartTexts();
        texts.strings.addAll(annotations);
        texts.strings.add(nonNull(chart.getTitle()));
        texts.strings.add(nonNull(chart.getXAxisTitle()));
        texts.strings.add(nonNull(chart.getYAxisTitle()));
        texts.strings.addAll(chart.getSeriesMap().keySet());
        Styler styler = chart.getStyler();
        texts.fonts.addAll(List.of(styler.getChartTitleFont(), styler.getLegendFont(), styler.getAnnotationTextFont()));
        if (styler instanceof AxesChartStyler axes) {
            texts.fonts.addAll(List.of(axes.getAxisTitleFont(), axes.getAxisTickLabelsFont()));
            // a log axis must keep XChart's own labels: with a formatter XChart ticks it as a linear axis, and never
            // finishes (XChart 3.8.8); its labels are 1-9 × 10^k, named here
            if (axes.isXAxisLogarithmic()) {
                texts.strings.addAll(logLabels(axes.getXAxisMin(), axes.getXAxisMax()));
            } else {
                axes.setxAxisTickLabelsFormattingFunction(texts.recording(axes.getxAxisTickLabelsFormattingFunction()));
            }
            if (axes.isYAxisLogarithmic()) {
                texts.strings.addAll(logLabels(axes.getYAxisMin(), axes.getYAxisMax()));
            } else {
                axes.setyAxisTickLabelsFormattingFunction(texts.recording(axes.getyAxisTickLabelsFormattingFunction()));
            }
        }
        return texts;
    }

    /** The labels a log axis from {@code min} to {@code max} may have: 1-9 × 10^k (1e-6 to 1e6 when unset). */
    private static List<String> logLabels(Double min, Double max) {
        int from = min == null || min <= 0 ? -6 : (int) Math.floor(Math.log10(min)) - 1;
        int to = max == null || max <= 0 ? 6 : (int) Math.ceil(Math.log10(max)) + 1;
        List<String> labels = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            for (int digit = 1; digit <= 9; digit++) {
                labels.add(plainNumber(digit * Math.pow(10, k)));
            }
        }
        return labels;
    }

    /** The strings seen so far. */
    Collection<String> strings() {
        return List.copyOf(strings);
    }

    /** The chart's text fonts. */
    List<Font> fonts() {
        return List.copyOf(fonts);
    }

    private Function<Double, String> recording(Function<Double, String> format) {
        Function<Double, String> base = format != null ? format : ChartTexts::plainNumber;
        return value -> {
            String label = base.apply(value);
            if (label != null) {
                strings.add(label);
            }
            return label;
        };
    }

    /** A tick value without float noise or a trailing {@code .0}: {@code 0.6}, {@code -0.4}, {@code 1}. */
    static String plainNumber(double value) {
        if (Math.abs(value) < 1e-9) {
            return "0";
        }
        return BigDecimal.valueOf(value)
                .round(new MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}

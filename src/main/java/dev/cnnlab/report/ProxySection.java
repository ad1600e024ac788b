package dev.cnnlab.report;

import dev.cnnlab.report.ReportDocument.Block;
import dev.cnnlab.report.ReportDocument.Heading;
import dev.cnnlab.report.ReportDocument.Paragraph;
import dev.cnnlab.report.ReportDocument.Row;
import dev.cnnlab.report.ReportDocument.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The report's central section: gains on small and large models, their correlation with its
 * caveats, ranking preservation, keep/drop agreement, and the same for the published numbers.
 */
final class ProxySection {

    private final StudyResults results;
    private final StudyAnalysis analysis;
    private final List<Block> blocks = new ArrayList<>();

    ProxySection(StudyResults results, StudyAnalysis analysis) {
        this.results = results;
        this.analysis = analysis;
    }

    List<Block> blocks() {
        blocks.add(new Heading(2, "The proxy question: does the small model's gain predict the large model's?", "proxy-section"));
        if (analysis.proxy().isEmpty()) {
            blocks.add(Paragraph.of("The study has a single model size, so there is no small/large comparison to make."));
            return blocks;
        }
        ProxyAnalysis proxy = analysis.proxy().get();
        blocks.add(Paragraph.of("Small model: " + describe(proxy.small()) + "; large model: " + describe(proxy.large()) + ". "
                + (analysis.sizesFromParams()
                        ? "Picked by parameter count."
                        : "Picked by listed order (first and last), because not every model has a finished run to count its parameters.")));
        gains(proxy);
        ranking(proxy);
        keepDrop(proxy);
        reference(proxy);
        return blocks;
    }

    private String describe(String model) {
        OptionalLong params = analysis.cost().row(model).params();
        return model + (params.isPresent() ? " (" + Fmt.params(params.getAsLong()) + " parameters)" : "");
    }

    private void gains(ProxyAnalysis proxy) {
        blocks.add(new Heading(3, "Gains over " + analysis.table().baseline(), "gains-section"));
        AccuracyTable table = analysis.table();
        if (table.candidates().isEmpty()) {
            blocks.add(Paragraph.of("The study has no technique set besides the baseline, so there are no gains to compare."));
            return;
        }
        List<String> header = new ArrayList<>(List.of("technique set"));
        for (String model : table.models()) {
            header.add("gain on " + model + role(proxy, model));
        }
        List<Row> rows = new ArrayList<>();
        for (String set : table.candidates()) {
            List<String> cells = new ArrayList<>(List.of(set));
            table.models().forEach(model -> cells.add(Fmt.gain(table.gain(set, model))));
            rows.add(Row.of(cells));
        }
        blocks.add(new Table("proxy", header, rows));
        Correlation c = proxy.correlation();
        int missing = table.candidates().size() - proxy.points().size();
        String text = "Small-model gain against large-model gain over the technique sets with both: " + c.figures() + ".";
        if (missing > 0) {
            text += " " + missing + " set" + (missing == 1 ? " lacks" : "s lack") + " a gain on one of the two models and "
                    + (missing == 1 ? "is" : "are") + " left out.";
        }
        if (!c.caveat().isEmpty()) {
            text += " " + c.caveat();
        }
        blocks.add(Paragraph.of(text));
        blocks.add(Paragraph.note(analysis.noise().explanation()));
    }

    private static String role(ProxyAnalysis proxy, String model) {
        return model.equals(proxy.small()) ? " (small)" : model.equals(proxy.large()) ? " (large)" : "";
    }

    private void ranking(ProxyAnalysis proxy) {
        blocks.add(new Heading(3, "Ranking of technique sets", "ranking-section"));
        Ranking ranking = proxy.ranking();
        if (!ranking.comparable()) {
            blocks.add(Paragraph.of("Not yet comparable: needs at least two technique sets finished on both "
                    + proxy.small() + " and " + proxy.large() + "."));
            return;
        }
        String text = "By mean top-1, best first. On " + proxy.small() + ": " + String.join(" > ", ranking.smallOrder())
                + ". On " + proxy.large() + ": " + String.join(" > ", ranking.largeOrder()) + ". ";
        if (ranking.preserved()) {
            text += "The ranking is preserved: no pair of sets swaps.";
        } else {
            text += "The ranking is not preserved: " + ranking.swaps().size() + " pair"
                    + (ranking.swaps().size() == 1 ? " swaps" : "s swap") + ": "
                    + ranking.swaps().stream().map(s -> String.format(Locale.ROOT,
                            "%s leads %s by %.2f on %s, but %s leads by %.2f on %s%s",
                            s.smallWinner(), s.largeWinner(), s.smallMargin(), proxy.small(), s.largeWinner(),
                            s.largeMargin(), proxy.large(), noiseNote(s, proxy)))
                            .collect(Collectors.joining("; ")) + ".";
        }
        blocks.add(Paragraph.of(text));
    }

    /** Which of a swap's two margins are too small to trust. */
    private String noiseNote(Ranking.Swap swap, ProxyAnalysis proxy) {
        boolean small = analysis.noise().withinNoise(swap.smallMargin());
        boolean large = analysis.noise().withinNoise(swap.largeMargin());
        if (small && large) {
            return " (both margins within noise)";
        }
        return small ? " (within noise on " + proxy.small() + ")" : large ? " (within noise on " + proxy.large() + ")" : "";
    }

    private void keepDrop(ProxyAnalysis proxy) {
        blocks.add(new Heading(3, "Keep or drop", "keep-drop-section"));
        if (proxy.verdicts().isEmpty()) {
            blocks.add(Paragraph.of("No technique set besides the baseline."));
            return;
        }
        NoiseLevel noise = analysis.noise();
        blocks.add(Paragraph.of("A set is kept on a model when its gain over " + analysis.table().baseline()
                + " is positive, dropped otherwise; \"within noise\" marks gains within ±"
                + String.format(Locale.ROOT, "%.2f", noise.threshold()) + " points, where the call is a coin toss."));
        List<Row> rows = new ArrayList<>();
        int noisy = 0;
        for (Verdict v : proxy.verdicts()) {
            boolean withinNoise = noisy(v.smallGain()) || noisy(v.largeGain());
            String agree = v.agree().map(a -> a ? "yes" : withinNoise ? "no (within noise)" : "no").orElse(Fmt.MISSING);
            if (v.agree().isPresent() && withinNoise) {
                noisy++;
            }
            rows.add(Row.of(List.of(v.set(), call(v.small(), v.smallGain()), call(v.large(), v.largeGain()), agree)));
        }
        blocks.add(new Table("keep-drop", List.of("technique set", proxy.small() + " (small) says",
                proxy.large() + " (large) says", "agree?"), rows));
        int decided = proxy.decided().size();
        blocks.add(Paragraph.of(decided == 0
                ? "No set has a gain on both models yet."
                : "The small model's call matches the large model's for " + proxy.agreements() + " of " + decided
                        + " technique set" + (decided == 1 ? "" : "s") + (noisy > 0 ? " (" + noisy + " of them within noise)" : "") + "."));
    }

    private boolean noisy(OptionalDouble gain) {
        return gain.isPresent() && analysis.noise().withinNoise(gain.getAsDouble());
    }

    private String call(Verdict.Decision decision, OptionalDouble gain) {
        if (gain.isEmpty()) {
            return Fmt.MISSING;
        }
        return decision.word() + " (" + Fmt.gain(gain.getAsDouble()) + (noisy(gain) ? ", within noise" : "") + ")";
    }

    private void reference(ProxyAnalysis proxy) {
        blocks.add(new Heading(3, "What the published numbers say", "reference-section"));
        if (results.spec().reference().isEmpty()) {
            blocks.add(Paragraph.of("The spec gives no published numbers (add a reference section to compare with a published study)."));
            return;
        }
        if (analysis.reference().isEmpty()) {
            blocks.add(Paragraph.of("The spec's published numbers do not give the baseline and another technique set on both "
                    + proxy.small() + " and " + proxy.large() + ", so they cannot answer the question."));
            return;
        }
        ProxyAnalysis published = analysis.reference().get();
        AccuracyTable measured = analysis.table();
        List<Row> rows = new ArrayList<>();
        for (Verdict v : published.verdicts()) {
            rows.add(Row.of(List.of(v.set(), Fmt.gain(v.smallGain()), Fmt.gain(v.largeGain()),
                    Fmt.gain(measured.gain(v.set(), proxy.small())), Fmt.gain(measured.gain(v.set(), proxy.large())))));
        }
        blocks.add(new Table("reference", List.of("technique set", "published gain on " + proxy.small(),
                "published gain on " + proxy.large(), "measured gain on " + proxy.small(),
                "measured gain on " + proxy.large()), rows));
        Correlation c = published.correlation();
        String text = "Published small-model gain against published large-model gain: " + c.figures() + ".";
        if (!c.caveat().isEmpty()) {
            text += " " + c.caveat();
        }
        int decided = published.decided().size();
        if (decided > 0) {
            text += " In the published numbers the small model's keep/drop call matches the large model's for "
                    + published.agreements() + " of " + decided + " technique set" + (decided == 1 ? "" : "s") + ".";
        }
        Ranking ranking = published.ranking();
        if (ranking.comparable()) {
            text += ranking.preserved() ? " The published ranking is preserved."
                    : " The published ranking is not preserved (" + ranking.swaps().size() + " swapped pair"
                            + (ranking.swaps().size() == 1 ? "" : "s") + ").";
        }
        blocks.add(Paragraph.of(text));
    }
}

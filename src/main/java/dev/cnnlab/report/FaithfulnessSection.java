package dev.cnnlab.report;

import dev.cnnlab.report.Agreement.Statistic;
import dev.cnnlab.report.ReportDocument.Block;
import dev.cnnlab.report.ReportDocument.Bullets;
import dev.cnnlab.report.ReportDocument.Heading;
import dev.cnnlab.report.ReportDocument.Paragraph;
import dev.cnnlab.report.ReportDocument.Row;
import dev.cnnlab.report.ReportDocument.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's central sections: gains with uncertainty, the faithfulness of every proxy to the
 * target with intervals and cost, and from which epoch the learning curves show the target's
 * ranking.
 */
final class FaithfulnessSection {

    private final StudyAnalysis analysis;
    private final Evidence evidence;
    private final List<Block> blocks = new ArrayList<>();

    FaithfulnessSection(StudyAnalysis analysis) {
        this.analysis = analysis;
        this.evidence = analysis.evidence();
    }

    List<Block> blocks() {
        gains();
        faithfulness();
        curves();
        return blocks;
    }

    private void gains() {
        blocks.add(new Heading(2, "Gains with uncertainty", "gains-section"));
        if (evidence.candidates().isEmpty()) {
            blocks.add(Paragraph.of("The study has no technique set besides the baseline, so there are no gains."));
            return;
        }
        blocks.add(Paragraph.of("Gain: a set's mean final top-1 minus the same fidelity's " + evidence.baseline()
                + " mean, in points, with its 95% bootstrap interval; P(>0): the share of resamples in which the gain is"
                + " positive; seeds: seeds per cell that a two-sided 5% test needs to tell a gain of this size from zero"
                + " with 80% power."));
        blocks.add(Paragraph.note("Noise: " + analysis.noise().describe() + ". " + intervalSource()));
        List<String> header = new ArrayList<>(List.of("technique set"));
        for (String fidelity : evidence.fidelityNames()) {
            header.add(fidelity + role(fidelity) + " gain [95%]");
            header.add("P(>0)");
            header.add("seeds");
        }
        List<Row> rows = new ArrayList<>();
        for (String set : evidence.candidates()) {
            List<String> cells = new ArrayList<>(List.of(set));
            for (String fidelity : evidence.fidelityNames()) {
                java.util.Optional<GainEstimate> gain = analysis.gain(fidelity, set);
                if (gain.isEmpty()) {
                    cells.addAll(List.of(Fmt.MISSING, Fmt.MISSING, Fmt.MISSING));
                    continue;
                }
                GainEstimate g = gain.get();
                cells.add(Fmt.estimate(g.gain(), Fmt::gain));
                cells.add(String.format(Locale.ROOT, "%.2f", g.probabilityPositive()));
                cells.add(g.seedsNeeded().isPresent() ? "≈" + g.seedsNeeded().getAsInt() : Fmt.MISSING);
            }
            rows.add(Row.of(cells));
        }
        blocks.add(new Table("gains", header, rows));
        if (!analysis.noise().measured()) {
            blocks.add(Paragraph.note(
                    "Single seed per cell: this study cannot tell a gain from seed noise by itself. Every"
                            + " interval and P(>0) above rests on the ASSUMED noise level, not on a measurement; run 2 or more seeds"
                            + " to measure it."));
        }
    }

    private String intervalSource() {
        if (analysis.pureSeedBootstrap()) {
            return "Intervals: bootstrap over seeds (every cell's seeds resampled with replacement, "
                    + SeedBootstrap.RESAMPLES + " resamples, fixed RNG seed " + SeedBootstrap.RNG_SEED
                    + "; spread corrected by √(n/(n−1))). With few seeds per cell the interval is itself uncertain.";
        }
        return "Intervals: bootstrap over seeds where a cell has 2 or more seeds; a single-seed cell gets a normal draw of"
                + " the " + (analysis.noise().measured() ? "measured" : "ASSUMED") + " noise instead ("
                + SeedBootstrap.RESAMPLES
                + " resamples, fixed RNG seed " + SeedBootstrap.RNG_SEED + ").";
    }

    private String role(String fidelity) {
        return fidelity.equals(evidence.target()) ? " (target)" : "";
    }

    private void faithfulness() {
        blocks.add(new Heading(
                2, "Faithfulness of every proxy to the target " + evidence.target(), "faithfulness-section"));
        List<Faithfulness> all = analysis.faithfulness();
        if (all.isEmpty()) {
            blocks.add(Paragraph.of(
                    "The study has a single fidelity without learning curves: there is no proxy to judge."));
            return;
        }
        blocks.add(
                Paragraph.of(
                        "Each proxy's technique-set gains against the target's gains, over the sets with runs on"
                                + " both. Kendall τ-b (ties corrected), Spearman ρ and Pearson r of the gains; sign agreement: the share of"
                                + " sets whose keep/drop call (gain > 0) matches the target's; top-1: the set the proxy would pick (highest"
                                + " mean, baseline included) and the probability that it is the target's best; regret: target top-1 lost by"
                                + " trusting the proxy's pick instead of the target's best. Cost: one proxy run relative to one target run,"
                                + " by FLOPs × images × epochs and by measured training seconds. Brackets: 95% bootstrap intervals."));
        List<Row> rows = new ArrayList<>();
        for (Faithfulness f : all) {
            Proxy p = f.proxy();
            boolean front = analysis.paretoFront().contains(f);
            List<String> cells = new ArrayList<>(List.of(
                    p.name() + (front ? " ★" : ""),
                    Fmt.relative(p.relativeCompute()),
                    Fmt.relative(p.relativeSeconds()),
                    Integer.toString(Math.max(0, f.sets().size() - 1))));
            for (Statistic s : List.of(Statistic.KENDALL, Statistic.SPEARMAN, Statistic.PEARSON)) {
                cells.add(Fmt.estimate(f.get(s), Fmt::coefficient));
            }
            cells.add(Fmt.estimate(f.get(Statistic.SIGN), Fmt::percent));
            Estimate top1 = f.get(Statistic.TOP1);
            cells.add(
                    f.proxyPick() == null
                            ? "undefined"
                            : f.proxyPick()
                                    + (top1.value().getAsDouble() == 1 ? " (yes" : " (no")
                                    + (top1.mean().isPresent()
                                            ? String.format(
                                                    Locale.ROOT,
                                                    ", P = %.2f)",
                                                    top1.mean().getAsDouble())
                                            : ")"));
            cells.add(Fmt.estimate(f.get(Statistic.REGRET), v -> String.format(Locale.ROOT, "%.2f", v)));
            rows.add(new Row(cells, front));
        }
        blocks.add(new Table(
                "faithfulness",
                List.of(
                        "proxy",
                        "cost (compute)",
                        "cost (measured)",
                        "sets compared",
                        "Kendall τ-b",
                        "Spearman ρ",
                        "Pearson r",
                        "sign agreement",
                        "top-1 pick",
                        "regret (points)"),
                rows));
        List<String> notes = new ArrayList<>();
        notes.add(
                "★ and highlighted: on the Pareto front (no other proxy is both as cheap and as faithful by Kendall τ).");
        all.stream()
                .filter(f -> !f.get(Statistic.KENDALL).defined())
                .findFirst()
                .ifPresent(f ->
                        notes.add("Correlations " + f.get(Statistic.KENDALL).undefinedReason() + " (for "
                                + f.proxy().name()
                                + (all.stream()
                                                        .filter(g -> !g.get(Statistic.KENDALL)
                                                                .defined())
                                                        .count()
                                                > 1
                                        ? " and others"
                                        : "")
                                + ")."));
        int sets = evidence.candidates().size();
        if (sets < 5) {
            notes.add("With " + sets + " technique set" + (sets == 1 ? "" : "s")
                    + " besides the baseline a rank correlation"
                    + " takes only a few values (Kendall τ with 3 sets: −1, −1/3, 1/3 or 1): read the intervals, not the"
                    + " points.");
        }
        if (!analysis.noise().measured()) {
            notes.add("Intervals from the ASSUMED noise level (one seed per cell).");
        }
        blocks.add(new Bullets(notes));
    }

    private void curves() {
        blocks.add(new Heading(2, "Learning curves: when is the target's ranking visible?", "curves-section"));
        if (analysis.curves().isEmpty()) {
            blocks.add(
                    Paragraph.of("No learning curves: the results carry final accuracies only (or fewer than two sets"
                            + " have curves)."));
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (CurveVisibility c : analysis.curves()) {
            String from = c.visibleFrom().isPresent()
                    ? "epoch " + c.visibleFrom().getAsInt() + " of " + c.epochs() + " ("
                            + Fmt.percent((double) c.visibleFrom().getAsInt() / c.epochs()) + " of the run)"
                    : "never (not even at its final epoch)";
            rows.add(Row.of(List.of(c.fidelity() + role(c.fidelity()), Integer.toString(c.epochs()), from)));
        }
        blocks.add(new Table(
                "curves", List.of("fidelity", "epochs", "ranks the sets as the target's final epoch from"), rows));
        blocks.add(Paragraph.of("The target's final ranking, best first: "
                + String.join(" > ", analysis.curves().get(0).targetRanking())
                + ". \"From epoch k\" means every epoch from k to the end ranks the sets (by mean test top-1 over seeds)"
                + " exactly so; the learning-curve proxies in the table above read such early epochs at their share of the"
                + " run's cost."));
    }
}

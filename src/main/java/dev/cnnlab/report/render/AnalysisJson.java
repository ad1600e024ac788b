package dev.cnnlab.report.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cnnlab.report.analysis.AccuracyTable;
import dev.cnnlab.report.analysis.Agreement.Statistic;
import dev.cnnlab.report.analysis.CurveVisibility;
import dev.cnnlab.report.analysis.Estimate;
import dev.cnnlab.report.analysis.Faithfulness;
import dev.cnnlab.report.analysis.GainEstimate;
import dev.cnnlab.report.analysis.GainModel;
import dev.cnnlab.report.analysis.GainPrediction;
import dev.cnnlab.report.analysis.NearChance;
import dev.cnnlab.report.analysis.NoiseModel;
import dev.cnnlab.report.analysis.PermutationTest;
import dev.cnnlab.report.analysis.Prediction;
import dev.cnnlab.report.analysis.PromotionOutcome;
import dev.cnnlab.report.analysis.Proxy;
import dev.cnnlab.report.analysis.ProxyFront;
import dev.cnnlab.report.analysis.ScalingAxis;
import dev.cnnlab.report.analysis.StudyAnalysis;
import dev.cnnlab.report.analysis.TransferRefusal;
import dev.cnnlab.report.analysis.VarianceModel;
import dev.cnnlab.report.load.Evidence;
import dev.cnnlab.util.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@code analysis.json}: every number the report shows, as data, from the same
 * {@link StudyAnalysis} the Markdown and HTML reports render. Its schema is
 * {@code docs/analysis.schema.json}, described in {@code docs/analysis.md}. A value that does
 * not exist is {@code null}, never 0 or NaN.
 */
public final class AnalysisJson {

    /** The schema identifier written in every file; bump when a field changes meaning. */
    static final String SCHEMA = "cnnlab-analysis/1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnalysisJson() {}

    /** The analysis as pretty JSON text (deterministic: same analysis, same bytes). */
    public static String write(StudyAnalysis analysis, String name) {
        return Json.write(tree(analysis, name)) + "\n";
    }

    static ObjectNode tree(StudyAnalysis analysis, String name) {
        Evidence evidence = analysis.evidence();
        ObjectNode root = NODES.objectNode();
        root.put("schema", SCHEMA);
        root.set("study", study(evidence, name));
        root.set("methods", methods(analysis));
        root.set("noise", noise(analysis));
        root.set("cells", cells(analysis));
        ArrayNode gains = root.putArray("gains");
        analysis.gains().forEach(g -> gains.add(gain(g)));
        root.set("significance", significance(analysis.significance()));
        ArrayNode proxies = root.putArray("proxies");
        analysis.faithfulness().forEach(f -> proxies.add(proxy(f, analysis.front())));
        ArrayNode curves = root.putArray("curves");
        analysis.curves().forEach(c -> curves.add(curve(c)));
        if (analysis.promotion().isPresent()) {
            root.set("promotion", promotion(analysis.promotion().get()));
        } else {
            root.putNull("promotion");
        }
        root.set("nearChance", nearChance(NearChance.of(evidence)));
        root.set("prediction", prediction(analysis.prediction()));
        return root;
    }

    private static ObjectNode nearChance(NearChance near) {
        ObjectNode node = NODES.objectNode();
        if (near.classes() > 0) {
            node.put("classes", near.classes());
            node.put("chance", NearChance.chance(near.classes()));
        } else {
            node.putNull("classes");
            node.putNull("chance");
        }
        node.put("factor", NearChance.FACTOR);
        ArrayNode fidelities = node.putArray("fidelities");
        for (NearChance.Fidelity f : near.fidelities()) {
            ObjectNode n = fidelities.addObject();
            n.put("fidelity", f.name());
            n.put("meanTop1", f.meanTop1());
        }
        return node;
    }

    private static ObjectNode prediction(Prediction prediction) {
        ObjectNode node = NODES.objectNode();
        ArrayNode axes = node.putArray("axes");
        for (ScalingAxis axis : prediction.axes()) {
            ObjectNode a = axes.addObject();
            a.put("axis", axis.axis());
            a.put("costMeasure", axis.costMeasure());
            a.put("target", axis.target());
            ArrayNode stations = a.putArray("stations");
            for (ScalingAxis.Station s : axis.stations()) {
                ObjectNode station = stations.addObject();
                station.put("fidelity", s.fidelity());
                station.put("size", s.size());
                station.put("cost", s.cost());
            }
        }
        ArrayNode extrapolations = node.putArray("extrapolations");
        prediction.extrapolations().forEach(p -> extrapolations.add(extrapolation(p)));
        node.put("absent", prediction.absent().isEmpty() ? null : prediction.absent());
        ArrayNode transfers = node.putArray("transfers");
        for (Prediction.Transfer t : prediction.transfers()) {
            ObjectNode n = transfers.addObject();
            n.put("proxy", t.proxy());
            n.put("target", t.target());
            n.put("sets", t.points().size());
            if (t.outcome() instanceof TransferRefusal refusal) {
                n.putNull("fit");
                ObjectNode r = n.putObject("refusal");
                r.put("reason", refusal.reason().name());
                r.put("line", refusal.line());
                r.put("needed", refusal.needed());
            } else {
                n.set("fit", Json.MAPPER.valueToTree(t.outcome()));
                n.putNull("refusal");
            }
            n.set(
                    "validation",
                    t.validation().isPresent()
                            ? Json.MAPPER.valueToTree(t.validation().get())
                            : null);
            ArrayNode answers = n.putArray("answers");
            for (Prediction.Answer a : t.answers()) {
                ObjectNode answer = answers.addObject();
                answer.put("set", a.request().set());
                answer.put("proxyGain", a.request().gain());
                answer.put("proxySe", a.request().se());
                answer.set(
                        "prediction",
                        a.prediction().isPresent()
                                ? Json.MAPPER.valueToTree(a.prediction().get())
                                : null);
                answer.put("refusal", a.refusal().isEmpty() ? null : a.refusal());
            }
        }
        return node;
    }

    private static ObjectNode extrapolation(GainPrediction p) {
        ObjectNode node = NODES.objectNode();
        node.put("axis", p.axis());
        node.put("set", p.set());
        node.put("target", p.target());
        node.put("form", p.model().form().name());
        node.put("scale", p.model().scale().name().toLowerCase(Locale.ROOT));
        ArrayNode points = node.putArray("points");
        for (GainPrediction.Point point : p.points()) {
            ObjectNode n = points.addObject();
            n.put("fidelity", point.fidelity());
            n.put("cost", point.cost());
            n.put("gain", point.gain());
            n.put("se", point.se());
            n.put("baselineError", point.baselineError());
        }
        ObjectNode loo = node.putObject("looError");
        p.looError().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> number(loo, e.getKey(), e.getValue()));
        ObjectNode predicted = node.putObject("predicted");
        estimate(predicted, p.predicted());
        number(node, "df", p.df());
        node.put("draws", p.draws());
        number(node, "spanBeyond", p.leverage().spanBeyond());
        node.put("leverage", p.leverage().words());
        if (p.looCheck().isPresent()) {
            ObjectNode check = node.putObject("looCheck");
            number(check, "statistic", p.looCheck().get().statistic());
            check.put("k", p.looCheck().get().k());
            number(check, "p", p.looCheck().get().p());
            check.put("misfit", p.looCheck().get().misfit());
        } else {
            node.putNull("looCheck");
        }
        backtest(node, "largestOut", p.largestOut());
        backtest(node, "backtest", p.backtest());
        node.put("misfit", p.misfit());
        return node;
    }

    private static void backtest(ObjectNode parent, String field, java.util.Optional<GainPrediction.Backtest> b) {
        if (b.isEmpty()) {
            parent.putNull(field);
            return;
        }
        ObjectNode node = parent.putObject(field);
        node.put("fidelity", b.get().fidelity());
        number(node, "measured", b.get().measured());
        number(node, "se", b.get().se());
        number(node, "predicted", b.get().predicted());
        number(node, "low", b.get().low());
        number(node, "high", b.get().high());
        node.put("inside", b.get().inside());
    }

    private static ObjectNode study(Evidence evidence, String name) {
        ObjectNode study = NODES.objectNode();
        study.put("name", name);
        study.put("target", evidence.target());
        study.put("targetReason", evidence.targetReason());
        study.put("baseline", evidence.baseline());
        ArrayNode sets = study.putArray("sets");
        evidence.sets().forEach(sets::add);
        ArrayNode fidelities = study.putArray("fidelities");
        for (Evidence.FidelityInfo f : evidence.fidelities()) {
            ObjectNode node = fidelities.addObject();
            node.put("name", f.name());
            if (f.epochs().isPresent()) {
                node.put("epochs", f.epochs().getAsInt());
            } else {
                node.putNull("epochs");
            }
            ArrayNode drops = node.putArray("lrDrops");
            f.lrDrops().forEach(drops::add);
            number(node, "computeCost", f.computeCost());
            node.put("description", f.description());
        }
        study.put("runs", evidence.observations().size());
        return study;
    }

    private static ObjectNode methods(StudyAnalysis analysis) {
        ObjectNode methods = NODES.objectNode();
        methods.put(
                "gains", analysis.allPaired() ? "paired by seed" : "paired by seed where seeds match, else unpaired");
        methods.put("gainInterval", "Student t with the variance model's effective degrees of freedom, 95%");
        methods.put("probabilityPositive", "mass above 0 of the same t distribution (flat prior)");
        methods.put("seedsNeeded", "paired t-test, two-sided 5%, 80% power, noncentral t, over the gain's interval");
        methods.put("draws", GainModel.RESAMPLES);
        methods.put("rngSeed", GainModel.RNG_SEED);
        methods.put(
                "faithfulnessIntervals",
                "draws of each gain (observed + se x Student t), independent across gains (conservative for rank"
                        + " statistics); discrete statistics use quantile type 1, continuous ones type 7");
        methods.put(
                "pValues",
                "one-sided permutation test of Kendall tau-b and Spearman rho, exact up to "
                        + PermutationTest.EXACT_MAX_SETS + " sets, else " + PermutationTest.DRAWS
                        + " random relabellings");
        methods.put("multiplicity", "Holm over the proxies' Kendall p-values");
        methods.put("faithful", "tau interval above 0 and Holm-adjusted p below " + Faithfulness.ALPHA);
        methods.put(
                "learningCurvesOfTheTarget",
                "disjoint seed halves, averaged over up to " + Faithfulness.MAX_SPLITS + " splits; one seed: same runs,"
                        + " optimistic, untested");
        ArrayNode assumptions = methods.putArray("assumptions");
        for (String a : List.of(
                "seeds are independent",
                "a run's seed noise is normal",
                "a paired difference's variance is a view factor times a set factor (no interaction)",
                "under a permutation test's null the proxy's set labels are exchangeable")) {
            assumptions.add(a);
        }
        return methods;
    }

    private static ObjectNode noise(StudyAnalysis analysis) {
        ObjectNode noise = NODES.objectNode();
        NoiseModel cell = analysis.noise();
        noise.put("perRunSd", cell.std());
        noise.put("perRunSdMeasured", cell.measured());
        noise.put("perRunCells", cell.cells());
        noise.put("perRunDegreesOfFreedom", cell.degreesOfFreedom());
        number(noise, "withinSeedCorrelation", analysis.withinSeedCorrelation());
        VarianceModel v = analysis.variance();
        ObjectNode model = noise.putObject("pairedVarianceModel");
        model.put("measured", v.measured());
        model.put("degreesOfFreedom", v.totalDf());
        number(model, "pooledVariance", v.measured() ? OptionalDouble.of(v.pooledVariance()) : OptionalDouble.empty());
        model.put("ownVarianceFromSeeds", VarianceModel.OWN_DF_ENOUGH + 1);
        ArrayNode fits = model.putArray("forms");
        for (VarianceModel.Fit f : v.fits()) {
            ObjectNode fit = fits.addObject();
            fit.put("form", f.structure().name().toLowerCase(Locale.ROOT));
            fit.put("aic", f.aic());
            fit.put("weight", f.weight());
            fit.set("viewFactors", factors(f.rows()));
            fit.set("setFactors", factors(f.columns()));
        }
        return noise;
    }

    private static ObjectNode factors(Map<String, Double> factors) {
        ObjectNode node = NODES.objectNode();
        new java.util.TreeMap<>(factors).forEach(node::put);
        return node;
    }

    private static ArrayNode cells(StudyAnalysis analysis) {
        ArrayNode cells = NODES.arrayNode();
        AccuracyTable table = analysis.table();
        for (String fidelity : table.models()) {
            for (String set : table.sets()) {
                table.stats(set, fidelity).ifPresent(s -> {
                    ObjectNode cell = cells.addObject();
                    cell.put("fidelity", fidelity);
                    cell.put("set", set);
                    cell.put("n", s.n());
                    cell.put("mean", s.mean());
                    number(cell, "sd", s.std());
                });
            }
        }
        return cells;
    }

    private static ObjectNode gain(GainEstimate g) {
        ObjectNode node = NODES.objectNode();
        node.put("fidelity", g.fidelity());
        node.put("set", g.set());
        estimate(node, g.gain());
        node.put("n", g.n());
        node.put("paired", g.paired());
        node.put("standardError", g.standardError());
        number(
                node,
                "degreesOfFreedom",
                Double.isInfinite(g.df()) ? OptionalDouble.empty() : OptionalDouble.of(g.df()));
        node.put("noiseSource", g.noiseSource().name().toLowerCase(Locale.ROOT));
        node.put("perSeedSd", g.perSeedSd());
        node.put("probabilityPositive", g.probabilityPositive());
        GainEstimate.SeedsNeeded s = g.seedsNeeded();
        ObjectNode seeds = node.putObject("seedsNeeded");
        seeds.put("fewest", s.fewest());
        if (s.most().isPresent()) {
            seeds.put("most", s.most().getAsInt());
        } else {
            seeds.putNull("most");
        }
        seeds.put("searchedUpTo", s.max());
        return node;
    }

    private static ObjectNode significance(StudyAnalysis.Significance s) {
        ObjectNode node = NODES.objectNode();
        node.put("sets", s.sets());
        node.put("tests", s.tests());
        node.put("smallestP", s.smallestP());
        node.put("smallestHolm", s.smallestHolm());
        node.put("reachable", s.reachable());
        node.put("setsNeededAlone", s.setsNeededAlone());
        node.put("setsNeededHolm", s.setsNeededHolm());
        return node;
    }

    private static ObjectNode proxy(Faithfulness f, ProxyFront front) {
        ObjectNode node = NODES.objectNode();
        Proxy p = f.proxy();
        node.put("name", p.name());
        node.put("fidelity", p.fidelity());
        node.put("epoch", p.epoch());
        number(node, "relativeCompute", p.relativeCompute());
        number(node, "relativeSeconds", p.relativeSeconds());
        number(node, "cost", p.cost());
        node.put("comparison", f.comparison().name().toLowerCase(Locale.ROOT));
        node.put("splits", f.splits());
        ArrayNode sets = node.putArray("sets");
        f.sets().forEach(sets::add);
        node.put("proxySeeds", f.proxySeeds());
        node.put("targetSeeds", f.targetSeeds());
        ObjectNode statistics = node.putObject("statistics");
        for (Statistic s : Statistic.values()) {
            ObjectNode e = statistics.putObject(s.name().toLowerCase(Locale.ROOT));
            estimate(e, f.get(s));
        }
        test(node, "kendallTest", f.kendallTest());
        test(node, "spearmanTest", f.spearmanTest());
        number(node, "kendallHolm", f.kendallHolm());
        node.put("faithful", f.faithful());
        node.put("front", front.contains(p.name()));
        node.put("tiedWith", front.tie(p.name()).orElse(null));
        node.put("proxyPick", f.proxyPick());
        node.put("targetBest", f.targetBest());
        number(node, "pickIsTargetBest", f.pickIsTargetBest());
        node.put("problem", f.problem());
        return node;
    }

    private static void test(ObjectNode node, String field, PermutationTest.Result r) {
        ObjectNode t = node.putObject(field);
        number(t, "p", r.p());
        t.put("exact", r.exact());
        t.put("relabellings", r.relabellings());
        number(t, "smallestPossible", r.smallest());
    }

    private static ObjectNode curve(CurveVisibility c) {
        ObjectNode node = NODES.objectNode();
        node.put("fidelity", c.fidelity());
        node.put("epochs", c.epochs());
        ArrayNode ranking = node.putArray("targetRanking");
        c.targetRanking().forEach(ranking::add);
        node.put("clearPairs", c.clearPairs());
        node.put("pairs", c.pairs());
        node.put("comparison", c.comparison().name().toLowerCase(Locale.ROOT));
        node.put("splits", c.splits());
        if (c.visibleFrom().isPresent() && c.clearPairs() > 0) {
            node.put("visibleFrom", c.visibleFrom().getAsInt());
        } else {
            node.putNull("visibleFrom");
        }
        return node;
    }

    private static ObjectNode promotion(PromotionOutcome p) {
        ObjectNode node = NODES.objectNode();
        node.put("from", p.promotion().from());
        node.put("to", p.promotion().to());
        node.put("keep", p.promotion().keep());
        node.put("decided", p.decision().complete());
        ArrayNode promoted = node.putArray("promoted");
        if (p.decision().complete()) {
            p.decision().promoted().forEach(promoted::add);
        }
        node.put("savedShare", p.savedShare());
        node.put("pick", p.pick().orElse(null));
        node.put("fullGridBest", p.fullBest().orElse(null));
        number(node, "regret", p.regret());
        return node;
    }

    private static void estimate(ObjectNode node, Estimate e) {
        number(node, "value", e.value());
        number(node, "low", e.low());
        number(node, "high", e.high());
        number(node, "mean", e.mean());
        node.put("undefinedShare", e.undefinedShare());
        node.put("undefinedReason", e.undefinedReason());
    }

    private static void number(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
            node.put(field, value.getAsDouble());
        } else {
            node.putNull(field);
        }
    }

    private static void number(ObjectNode node, String field, double value) {
        number(node, field, Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty());
    }
}

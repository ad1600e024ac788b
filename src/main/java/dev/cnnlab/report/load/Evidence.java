package dev.cnnlab.report.load;

import dev.cnnlab.data.CifarReader;
import dev.cnnlab.model.ModelCost;
import dev.cnnlab.study.Cell;
import dev.cnnlab.study.CellOutcome;
import dev.cnnlab.study.Fidelity;
import dev.cnnlab.study.StudySpec;
import dev.cnnlab.train.EpochStats;
import dev.cnnlab.train.RunResult;
import dev.cnnlab.train.TrainConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What the analysis reads: final accuracies (and, where known, per-epoch curves and costs) of
 * technique sets at several fidelities, one of them the target. Built from a cnnlab study
 * directory ({@link #of(StudyResults)}) or from a published table ({@link ResultTableReader}),
 * so both get the same analysis.
 *
 * @param fidelities the fidelities, in display order
 * @param sets technique sets, in display order (the baseline among them)
 * @param baseline the set gains are measured against
 * @param target the fidelity every other proxy stands in for
 * @param targetReason how the target was chosen, for the report
 * @param observations one finished run each
 * @param composition each set's techniques, where known (a set missing here is read from its
 *     name, split on '+')
 * @param classes the number of classes the runs tell apart, when known (chance top-1 is 100 / classes)
 */
public record Evidence(
        List<FidelityInfo> fidelities,
        List<String> sets,
        String baseline,
        String target,
        String targetReason,
        List<Observation> observations,
        Map<String, java.util.Set<String>> composition,
        OptionalInt classes) {

    /** Evidence whose sets' techniques are read from their names and whose number of classes is unknown. */
    public Evidence(
            List<FidelityInfo> fidelities,
            List<String> sets,
            String baseline,
            String target,
            String targetReason,
            List<Observation> observations) {
        this(fidelities, sets, baseline, target, targetReason, observations, Map.of(), OptionalInt.empty());
    }

    /** Evidence whose sets' techniques are read from their names. */
    public Evidence(
            List<FidelityInfo> fidelities,
            List<String> sets,
            String baseline,
            String target,
            String targetReason,
            List<Observation> observations,
            OptionalInt classes) {
        this(fidelities, sets, baseline, target, targetReason, observations, Map.of(), classes);
    }

    /**
     * What is known of one fidelity.
     *
     * @param name the fidelity's name
     * @param epochs epochs of its schedule, when known
     * @param lrDrops the 1-based last epochs before each LR drop (its milestones), when known
     * @param computeCost forward FLOPs per image x training images x epochs, when known
     * @param description a short description (model, epochs, images) for tables
     * @param placement where it stands on the axes a proxy can be cheaper along
     */
    public record FidelityInfo(
            String name,
            OptionalInt epochs,
            List<Integer> lrDrops,
            OptionalDouble computeCost,
            String description,
            AxisPlacement placement) {

        public FidelityInfo {
            lrDrops = List.copyOf(lrDrops);
        }

        /** A fidelity placed on no axis. */
        public FidelityInfo(
                String name,
                OptionalInt epochs,
                List<Integer> lrDrops,
                OptionalDouble computeCost,
                String description) {
            this(name, epochs, lrDrops, computeCost, description, AxisPlacement.NONE);
        }
    }

    /**
     * One finished run.
     *
     * @param fidelity its fidelity
     * @param set its technique set
     * @param seed its seed
     * @param top1 final-epoch test top-1, percent
     * @param curve test top-1 after each epoch (empty when unknown)
     * @param epochSeconds wall seconds of each epoch (empty when unknown)
     * @param seconds wall seconds of the whole run, when known
     */
    public record Observation(
            String fidelity,
            String set,
            long seed,
            double top1,
            List<Double> curve,
            List<Double> epochSeconds,
            OptionalDouble seconds) {

        public Observation {
            curve = List.copyOf(curve);
            epochSeconds = List.copyOf(epochSeconds);
        }

        /** Top-1 after {@code epoch} (1-based), or the final value when {@code epoch} is 0. */
        public double top1At(int epoch) {
            return epoch == 0 ? top1 : curve.get(epoch - 1);
        }

        /** Wall seconds up to the end of {@code epoch} (0 = the whole run), when known. */
        public OptionalDouble secondsUpTo(int epoch) {
            if (epoch == 0) {
                return seconds;
            }
            if (epochSeconds.size() < epoch) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(epochSeconds.subList(0, epoch).stream()
                    .mapToDouble(Double::doubleValue)
                    .sum());
        }
    }

    public Evidence {
        fidelities = List.copyOf(fidelities);
        sets = List.copyOf(sets);
        observations = List.copyOf(observations);
        composition = Map.copyOf(composition);
        if (!sets.contains(baseline)) {
            throw new IllegalArgumentException("baseline '" + baseline + "' is not one of the sets " + sets);
        }
        if (fidelities.stream().noneMatch(f -> f.name().equals(target))) {
            throw new IllegalArgumentException("target '" + target + "' is not one of the fidelities");
        }
    }

    /** The fidelity of that name. */
    public FidelityInfo fidelity(String name) {
        return fidelities.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fidelity " + name));
    }

    /** The runs of one (fidelity, set) cell, by seed. */
    public List<Observation> cell(String fidelity, String set) {
        return observations.stream()
                .filter(o -> o.fidelity().equals(fidelity) && o.set().equals(set))
                .sorted(java.util.Comparator.comparingLong(Observation::seed))
                .toList();
    }

    /** Fidelity names in display order. */
    public List<String> fidelityNames() {
        return fidelities.stream().map(FidelityInfo::name).toList();
    }

    /** The non-baseline sets. */
    public List<String> candidates() {
        return sets.stream().filter(s -> !s.equals(baseline)).toList();
    }

    /** Mean wall seconds per finished run of a fidelity up to {@code epoch} (0 = whole run), when known. */
    public OptionalDouble meanSeconds(String fidelity, int epoch) {
        double[] values = observations.stream()
                .filter(o -> o.fidelity().equals(fidelity))
                .map(o -> o.secondsUpTo(epoch))
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .toArray();
        return values.length == 0
                ? OptionalDouble.empty()
                : java.util.Arrays.stream(values).average();
    }

    /** The evidence of a cnnlab study: its finished runs with curves, epoch times and compute costs. */
    public static Evidence of(StudyResults results) {
        StudySpec spec = results.spec();
        List<FidelityInfo> fidelities = new ArrayList<>();
        Map<Fidelity, Long> flops = new LinkedHashMap<>();
        // every cell trains on the same data: its size from any finished run, else CIFAR's
        int available = results.outcomes().stream()
                .flatMap(o -> o.result().stream())
                .map(r -> r.config().data().trainImages())
                .findFirst()
                .orElse(CifarReader.TRAIN_RECORDS);
        for (Fidelity fidelity : spec.models()) {
            long perImage = results.representative(fidelity.name())
                    .map(RunResult::flopsPerImage)
                    .filter(f -> f > 0)
                    .orElseGet(() -> ModelCost.summary(fidelity.modelSpec(), spec.imageSide(fidelity))
                            .flopsPerImage());
            flops.put(fidelity, perImage);
            Cell any = spec.cells().stream()
                    .filter(c -> c.fidelity().equals(fidelity))
                    .findFirst()
                    .orElseThrow();
            TrainConfig config = any.config(spec.protocol(), 1);
            int images = fidelity.trainImages(spec.protocol(), available);
            fidelities.add(new FidelityInfo(
                    fidelity.name(),
                    OptionalInt.of(config.epochs()),
                    config.lrMilestones(),
                    OptionalDouble.of((double) perImage * images * config.epochs()),
                    config.modelSpec().displayName() + ", " + config.epochs()
                            + (config.epochs() == 1 ? " epoch, " : " epochs, ")
                            + String.format(java.util.Locale.ROOT, "%,d", images) + " images",
                    AxisPlacement.of(
                            fidelity.family(),
                            Map.of(
                                    AxisPlacement.DEPTH, (double) fidelity.depth(),
                                    AxisPlacement.WIDTH, fidelity.widen(),
                                    AxisPlacement.RESOLUTION, (double) spec.imageSide(fidelity),
                                    AxisPlacement.DATA, (double) images,
                                    AxisPlacement.EPOCHS, (double) config.epochs()))));
        }
        Fidelity target = spec.targetFidelity(flops::get, available);
        String reason = spec.target() != null
                ? "named by the spec's target key"
                : "the most expensive fidelity by forward FLOPs × training images × epochs; the spec names none";
        List<Observation> observations = new ArrayList<>();
        for (CellOutcome outcome : results.outcomes()) {
            outcome.result().ifPresent(r -> {
                List<EpochStats> history = r.history() == null ? List.of() : r.history();
                boolean complete = history.size() == r.epochs();
                observations.add(new Observation(
                        outcome.cell().fidelity().name(),
                        outcome.cell().techniqueSet(),
                        outcome.cell().seed(),
                        r.testAccuracy(),
                        complete ? history.stream().map(EpochStats::testTop1).toList() : List.of(),
                        complete ? history.stream().map(EpochStats::seconds).toList() : List.of(),
                        OptionalDouble.of(r.wallSeconds())));
            });
        }
        Map<String, java.util.Set<String>> composition = new LinkedHashMap<>();
        spec.techniques().forEach((set, techniques) -> composition.put(set, java.util.Set.copyOf(techniques.keySet())));
        // the runs record their data; a study trains every cell on the same
        OptionalInt classes = results.outcomes().stream()
                .flatMap(o -> o.result().stream())
                .filter(r -> r.config().data() != null)
                .mapToInt(r -> r.config().data().classes())
                .findFirst();
        return new Evidence(
                fidelities, results.sets(), spec.baseline(), target.name(), reason, observations, composition, classes);
    }
}

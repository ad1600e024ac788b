package dev.cnnlab.cli;

import dev.cnnlab.study.Cell;
import dev.cnnlab.study.PromotionPlan;
import dev.cnnlab.study.StudyDirectory;
import dev.cnnlab.study.StudySpec;
import java.util.List;
import java.util.Locale;

/** {@code study --list}: the study's fidelities and cells as a table, with their status in a directory. */
final class CellListing {

    private CellListing() {}

    /** A data block as a phrase, e.g. {@code cifar100 (coarse labels)}; unset parts say what they default to. */
    private static String describe(dev.cnnlab.data.DataSpec data) {
        String format = data.format() != null ? data.format() : "format from its layout";
        String labels = data.labels() != null ? ", " + data.labels() + " labels" : "";
        String size = data.imageSize() != null ? ", decoded to " + data.imageSize() + " px" : "";
        String where = data.path() != null
                ? data.path().toString()
                : "--data, else $CNNLAB_DATA, else ~/.cnnlab/data/cifar-100-binary";
        return where + " (" + format + labels + size + ")";
    }

    /** Prints every fidelity, the promotion and each cell with its index (and status, given a directory). */
    static void print(StudySpec spec, List<Cell> cells, StudyDirectory directory) {
        System.out.printf(
                Locale.ROOT,
                "study %s: %d cells (%d models x %d technique sets x %d seeds)%n",
                spec.name(),
                cells.size(),
                spec.models().size(),
                spec.techniques().size(),
                spec.seeds().size());
        System.out.printf(Locale.ROOT, "data: %s%n", describe(spec.data()));
        for (var fidelity : spec.models()) {
            Cell first = cells.stream()
                    .filter(c -> c.fidelity().equals(fidelity))
                    .findFirst()
                    .orElseThrow();
            var config = first.config(spec.protocol(), 1);
            System.out.printf(
                    Locale.ROOT,
                    "  %-14s %s, %d px, %d epochs (%s), %s training images%s%n",
                    fidelity.name(),
                    config.modelSpec().displayName(),
                    spec.imageSide(fidelity),
                    config.epochs(),
                    ConsoleStudyProgress.drops(config.lrMilestones()),
                    config.trainLimit() == 0 ? "all" : String.format(Locale.ROOT, "%,d", config.trainLimit()),
                    fidelity.name().equals(spec.target()) ? "  (target)" : "");
        }
        java.util.Optional<PromotionPlan> plan = PromotionPlan.of(spec);
        java.util.Optional<PromotionPlan.Decision> decision = plan.flatMap(p ->
                directory == null ? java.util.Optional.empty() : java.util.Optional.of(p.decide(directory::accuracy)));
        plan.ifPresent(p -> System.out.printf(
                Locale.ROOT,
                "promotion: every set on %s, then the baseline and the best %d" + " on %s%s%n",
                p.promotion().from(),
                p.promotion().keep(),
                p.promotion().to(),
                decision.filter(PromotionPlan.Decision::complete)
                        .map(d -> ": promoted " + String.join(", ", d.promoted()))
                        .orElse(
                                directory == null
                                        ? ""
                                        : ": decided when the " + p.promotion().from() + " cells are finished")));
        System.out.printf(
                Locale.ROOT,
                "%5s  %-32s %-14s %-22s %6s%s%n",
                "cell",
                "id",
                "model",
                "techniques",
                "seed",
                directory == null ? "" : "  status");
        for (Cell cell : cells) {
            String status = directory == null ? "" : "  " + directory.describe(cell, plan, decision);
            System.out.printf(
                    Locale.ROOT,
                    "%5d  %-32s %-14s %-22s %6d%s%n",
                    cell.index(),
                    cell.id(),
                    cell.fidelity().name(),
                    cell.techniqueSet(),
                    cell.seed(),
                    status);
        }
    }
}

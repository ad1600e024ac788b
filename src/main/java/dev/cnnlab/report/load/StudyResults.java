package dev.cnnlab.report.load;

import dev.cnnlab.study.CellOutcome;
import dev.cnnlab.study.StudySpec;
import dev.cnnlab.train.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A study and the outcome of each of its cells, in the spec's fixed cell order. Immutable: the
 * analysis and renderers only read it.
 *
 * @param dir the study directory
 * @param spec the study's spec
 * @param outcomes one outcome per cell, in {@link StudySpec#cells()} order
 */
public record StudyResults(Path dir, StudySpec spec, List<CellOutcome> outcomes) {

    public StudyResults {
        outcomes = List.copyOf(outcomes);
    }

    /** The outcomes of one (model, technique set) pair, one per seed. */
    public List<CellOutcome> outcomes(String model, String set) {
        return outcomes.stream()
                .filter(o -> o.cell().fidelity().name().equals(model)
                        && o.cell().techniqueSet().equals(set))
                .toList();
    }

    /** The finished results of one (model, technique set) pair. */
    public List<RunResult> finished(String model, String set) {
        return outcomes(model, set).stream().flatMap(o -> o.result().stream()).toList();
    }

    /** The finished results of one model, over all technique sets. */
    public List<RunResult> finished(String model) {
        return outcomes.stream()
                .filter(o -> o.cell().fidelity().name().equals(model))
                .flatMap(o -> o.result().stream())
                .toList();
    }

    /** How many cells have finished. */
    public long finishedCount() {
        return outcomes.stream()
                .filter(o -> o.status() == CellOutcome.Status.FINISHED)
                .count();
    }

    /** How many cells are in the given state. */
    public long count(CellOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** Model names in the spec's order. */
    public List<String> models() {
        return spec.models().stream().map(m -> m.name()).toList();
    }

    /** Technique set names in the spec's order. */
    public List<String> sets() {
        return List.copyOf(spec.techniques().keySet());
    }

    /** The epochs every run is meant to train. */
    public int plannedEpochs() {
        return spec.protocol().epochs();
    }

    /** Any finished result, preferring the baseline set's, for per-model facts (params, FLOPs). */
    public Optional<RunResult> representative(String model) {
        List<RunResult> base = finished(model, spec.baseline());
        return base.isEmpty() ? finished(model).stream().findFirst() : Optional.of(base.get(0));
    }
}

package dev.cnnlab.study;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.data.CifarReader;
import dev.cnnlab.model.ModelCost;
import dev.cnnlab.train.Provenance;
import dev.cnnlab.train.RunResult;
import dev.cnnlab.train.TrainState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A study's state at one moment, read from its directory alone (so it can be shown from any
 * machine that sees the directory, while the cells train elsewhere): every cell's state, and the
 * study's progress and time left.
 *
 * @param study the study's name
 * @param at when the directory was read (ISO-8601, UTC)
 * @param cells every cell, in cell order
 * @param done cells with their result
 * @param planned cells the study will train: all but those the promotion left out
 * @param running cells a live process trains now
 * @param etaSeconds seconds until every planned cell is done; null while unknown (before the
 *     first cell finishes, unless only running cells are left)
 */
public record StudyStatus(
        String study, String at, List<Entry> cells, int done, int planned, int running, Double etaSeconds) {

    public StudyStatus {
        cells = List.copyOf(cells);
    }

    /**
     * One cell's state.
     *
     * @param holder the process training it ({@code pid@host}), for running, interrupted and failed cells
     * @param epoch the epoch in progress (running) or last completed (interrupted); null otherwise
     * @param etaSeconds time left in the cell's run, while running and known
     * @param testAccuracy final test top-1 (%), when done
     * @param reason why it failed, is unreadable or interrupted; null otherwise
     */
    public record Entry(
            int index,
            String id,
            String model,
            String techniques,
            long seed,
            CellState state,
            String holder,
            Integer epoch,
            Integer epochs,
            Integer batch,
            Integer batches,
            Double imagesPerSecond,
            Double etaSeconds,
            Double testAccuracy,
            String reason) {

        static Entry of(Cell cell, CellState state) {
            return new Entry(
                    cell.index(),
                    cell.id(),
                    cell.fidelity().name(),
                    cell.techniqueSet(),
                    cell.seed(),
                    state,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
    }

    /** The state of the study in {@code directory} now, judging liveness from this machine. */
    public static StudyStatus read(StudyDirectory directory) {
        return read(directory, Instant.now(), Provenance.hostName());
    }

    /**
     * The state of the study in {@code directory} at {@code now}, seen from {@code thisHost}.
     *
     * @throws CnnlabException when the directory holds no study
     */
    public static StudyStatus read(StudyDirectory directory, Instant now, String thisHost) {
        StudySpec spec = directory.spec();
        List<Cell> all = spec.cells();
        // a study training its full grid (--no-promote) waits on no decision
        Optional<PromotionPlan> plan = directory.fullGrid() ? Optional.empty() : PromotionPlan.of(spec);
        Optional<PromotionPlan.Decision> decision = plan.map(p -> p.decide(directory::accuracy));
        List<Entry> entries = new ArrayList<>();
        Map<String, Long> flops = new HashMap<>();
        Map<Cell, RunResult> results = new HashMap<>();
        Map<Cell, CellProgress> live = new HashMap<>();
        for (Cell cell : all) {
            Entry entry = entry(directory, cell, plan, decision, now, thisHost, results, live);
            entries.add(entry);
        }
        results.forEach((cell, r) -> {
            if (r.flopsPerImage() > 0) {
                flops.putIfAbsent(cell.fidelity().name(), r.flopsPerImage());
            }
        });
        live.forEach((cell, p) -> {
            if (p.flopsPerImage() > 0) {
                flops.putIfAbsent(cell.fidelity().name(), p.flopsPerImage());
            }
        });
        int done =
                (int) entries.stream().filter(e -> e.state() == CellState.DONE).count();
        int notPromoted = (int) entries.stream()
                .filter(e -> e.state() == CellState.NOT_PROMOTED)
                .count();
        Double eta = eta(spec, plan, entries, results, live, flops);
        return new StudyStatus(spec.name(), now.toString(), entries, done, all.size() - notPromoted, live.size(), eta);
    }

    private static Entry entry(
            StudyDirectory directory,
            Cell cell,
            Optional<PromotionPlan> plan,
            Optional<PromotionPlan.Decision> decision,
            Instant now,
            String thisHost,
            Map<Cell, RunResult> results,
            Map<Cell, CellProgress> live) {
        CellOutcome outcome = directory.outcome(cell);
        if (outcome.status() == CellOutcome.Status.FINISHED) {
            RunResult result = outcome.result().orElseThrow();
            results.put(cell, result);
            Entry base = Entry.of(cell, CellState.DONE);
            return with(base, result.epochs(), result.epochs(), null, null, null, null, result.testAccuracy(), null);
        }
        if (outcome.status() == CellOutcome.Status.UNREADABLE) {
            return with(
                    Entry.of(cell, CellState.UNREADABLE),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    outcome.problem().orElseThrow());
        }
        Optional<CellProgress> progress;
        try {
            progress = CellProgress.read(directory.run(cell).dir());
        } catch (CnnlabException e) {
            return with(Entry.of(cell, CellState.UNREADABLE), null, null, null, null, null, null, null, e.getMessage());
        }
        if (progress.isPresent()) {
            CellProgress p = progress.get();
            if (p.failed()) {
                return withHolder(
                        with(
                                Entry.of(cell, CellState.FAILED),
                                p.epoch(),
                                p.epochs(),
                                p.batch(),
                                p.batches(),
                                null,
                                null,
                                null,
                                p.problem()),
                        p.holder());
            }
            if (p.live(now, thisHost)) {
                live.put(cell, p);
                return withHolder(
                        with(
                                Entry.of(cell, CellState.RUNNING),
                                p.epoch(),
                                p.epochs(),
                                p.batch(),
                                p.batches(),
                                p.imagesPerSecond(),
                                p.runEtaSeconds(),
                                null,
                                null),
                        p.holder());
            }
            String seen = p.updatedAt() == null
                    ? ""
                    : ", last seen "
                            + Duration.between(Instant.parse(p.updatedAt()), now)
                                    .toSeconds() + " s ago";
            return withHolder(
                    with(
                            Entry.of(cell, CellState.INTERRUPTED),
                            completedEpochs(outcome),
                            p.epochs(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            "its process " + p.holder() + " is gone" + seen + "; the next run resumes it"),
                    p.holder());
        }
        if (outcome.status() == CellOutcome.Status.RUNNING) { // a checkpoint, nobody on it
            TrainState state = outcome.state().orElseThrow();
            return with(
                    Entry.of(cell, CellState.INTERRUPTED),
                    state.completedEpochs(),
                    state.config() != null ? state.config().epochs() : null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "stopped after epoch " + state.completedEpochs() + "; the next run resumes it");
        }
        if (plan.isPresent() && plan.get().stage(cell) == PromotionPlan.Stage.PROMOTED) {
            PromotionPlan.Decision d = decision.orElseThrow();
            if (!d.complete()) {
                return Entry.of(cell, CellState.AWAITING_PROMOTION);
            }
            if (!d.promotes(cell.techniqueSet())) {
                return Entry.of(cell, CellState.NOT_PROMOTED);
            }
        }
        return Entry.of(cell, CellState.WAITING);
    }

    private static Integer completedEpochs(CellOutcome outcome) {
        return outcome.state().map(TrainState::completedEpochs).orElse(null);
    }

    /**
     * Time left: the running cells' own estimates, plus every cell still to start at the pace of
     * the finished ones, scaled by compute (a promoted-stage cell awaiting the decision counts by
     * its chance of being picked: the sets that go on over all sets).
     */
    private static Double eta(
            StudySpec spec,
            Optional<PromotionPlan> plan,
            List<Entry> entries,
            Map<Cell, RunResult> results,
            Map<Cell, CellProgress> live,
            Map<String, Long> flops) {
        List<Cell> cells = spec.cells();
        double runningSeconds = 0;
        List<Cell> toStart = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (Entry e : entries) {
            Cell cell = cells.get(e.index());
            switch (e.state()) {
                case RUNNING -> {
                    if (e.etaSeconds() != null) {
                        runningSeconds += e.etaSeconds();
                    } else { // not timed yet: priced as if not started
                        toStart.add(cell);
                        shares.add(1.0);
                    }
                }
                case WAITING, INTERRUPTED, FAILED -> {
                    toStart.add(cell);
                    shares.add(1.0);
                }
                case AWAITING_PROMOTION -> {
                    toStart.add(cell);
                    shares.add((plan.orElseThrow().promotion().keep() + 1.0)
                            / spec.techniques().size());
                }
                default -> {}
            }
        }
        if (toStart.isEmpty()) {
            return runningSeconds / Math.max(1, live.size());
        }
        if (results.isEmpty()) {
            return null; // nothing to price the rest by (and no network built for nothing)
        }
        int available = results.values().stream()
                .filter(r -> r.config() != null && r.config().data() != null)
                .map(r -> r.config().data().trainImages())
                .findFirst()
                .orElse(CifarReader.TRAIN_RECORDS);
        Map<String, Double> computeOf = new HashMap<>();
        java.util.function.Function<Cell, Double> compute =
                cell -> computeOf.computeIfAbsent(cell.fidelity().name(), name -> {
                    Fidelity f = cell.fidelity();
                    long perImage = flops.computeIfAbsent(
                            name,
                            n -> ModelCost.summary(f.modelSpec(), spec.imageSide(f))
                                    .flopsPerImage());
                    return (double) perImage * f.trainImages(spec.protocol(), available) * f.epochs(spec.protocol());
                });
        double waitingCompute = 0;
        for (int i = 0; i < toStart.size(); i++) {
            waitingCompute += shares.get(i) * compute.apply(toStart.get(i));
        }
        List<StudyEta.Spent> spent = new ArrayList<>();
        results.forEach((cell, r) -> spent.add(new StudyEta.Spent(compute.apply(cell), r.wallSeconds())));
        double running = runningSeconds;
        double waiting = waitingCompute;
        return StudyEta.measured(spent)
                .map(pace -> pace.remaining(running, waiting, live.size()))
                .orElse(null);
    }

    private static Entry with(
            Entry e,
            Integer epoch,
            Integer epochs,
            Integer batch,
            Integer batches,
            Double imagesPerSecond,
            Double eta,
            Double accuracy,
            String reason) {
        return new Entry(
                e.index(),
                e.id(),
                e.model(),
                e.techniques(),
                e.seed(),
                e.state(),
                e.holder(),
                epoch,
                epochs,
                batch,
                batches,
                imagesPerSecond,
                eta,
                accuracy,
                reason);
    }

    private static Entry withHolder(Entry e, String holder) {
        return new Entry(
                e.index(),
                e.id(),
                e.model(),
                e.techniques(),
                e.seed(),
                e.state(),
                holder,
                e.epoch(),
                e.epochs(),
                e.batch(),
                e.batches(),
                e.imagesPerSecond(),
                e.etaSeconds(),
                e.testAccuracy(),
                e.reason());
    }
}

package dev.cnnlab.study;

import dev.cnnlab.train.RunResult;
import dev.cnnlab.train.TrainListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records a study's cell events as short strings ("start 3", "from-epoch 3 2", "done 3",
 * "skip 4 finished", "wait [1]"); optionally "kills the process" by throwing at batch 2 of one
 * cell's given epoch.
 */
final class RecordingListener implements StudyListener {

    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final int killCell;
    private final int killEpoch;

    RecordingListener(int killCell, int killEpoch) {
        this.killCell = killCell;
        this.killEpoch = killEpoch;
    }

    /** A listener that only records. */
    static RecordingListener recording() {
        return new RecordingListener(-1, 0);
    }

    @Override
    public void skipped(Cell cell, int cells, String why) {
        // the reason's details (which sets were promoted) are checked elsewhere
        events.add("skip " + cell.index() + " " + why.replaceAll(" \\(.*", ""));
    }

    @Override
    public void waiting(List<Cell> pending, Duration recheck) {
        String event = "wait " + pending.stream().map(Cell::index).toList();
        if (events.isEmpty() || !events.get(events.size() - 1).equals(event)) {
            events.add(event);
        }
    }

    @Override
    public TrainListener starting(Cell cell, int cells) {
        events.add("start " + cell.index());
        return new TrainListener() {
            int epoch;

            @Override
            public void started(
                    dev.cnnlab.train.TrainConfig c, dev.cnnlab.model.ModelSummary m, int first, int a, int b) {
                events.add("from-epoch " + cell.index() + " " + first);
            }

            @Override
            public void epochStarted(int e, int epochs, double lr, int batches) {
                epoch = e;
            }

            @Override
            public void batchDone(int batch, int batches, double loss, double rate) {
                if (cell.index() == killCell && epoch == killEpoch && batch == 2) {
                    throw new IllegalStateException("killed");
                }
            }
        };
    }

    @Override
    public void finished(Cell cell, int cells, RunResult result) {
        events.add("done " + cell.index());
    }
}

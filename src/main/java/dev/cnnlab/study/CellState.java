package dev.cnnlab.study;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a cell stands, as {@code cnnlab status} shows it. */
public enum CellState {
    /** It has its result. */
    DONE("done"),
    /** A live process trains it now. */
    RUNNING("running"),
    /** It was started and stopped: a checkpoint, or progress whose process is gone. Resumed by the next run. */
    INTERRUPTED("interrupted"),
    /** Nobody has started it yet. */
    WAITING("waiting"),
    /** A promoted-stage cell whose proxy stage is not finished, so whether it runs is not decided. */
    AWAITING_PROMOTION("awaiting promotion"),
    /** A promoted-stage cell whose set the promotion did not pick. */
    NOT_PROMOTED("not promoted"),
    /** Its training stopped with an error. */
    FAILED("failed"),
    /** Its files could not be read. */
    UNREADABLE("unreadable");

    private final String label;

    CellState(String label) {
        this.label = label;
    }

    /** The state in words, as printed and as written to JSON. */
    @JsonValue
    public String label() {
        return label;
    }
}

package dev.cnnlab.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Learning-rate milestones moved to another schedule length.
 *
 * <p>A step schedule is written for one number of epochs (the reference: x0.1 at 80 and 120 of
 * 160). When a run is shorter or longer and names no milestones of its own, each milestone keeps
 * its fraction of the run (80/160 = 50%, 120/160 = 75%), rounded to the nearest epoch (halves
 * up). A milestone that would fall at epoch 0 or at/after the last epoch cannot change any
 * epoch's rate, so it is dropped; two that round to the same epoch become one.
 */
public final class Milestones {

    private Milestones() {}

    /**
     * The milestones {@code milestones}, written for a run of {@code writtenFor} epochs, for a run of
     * {@code epochs} epochs.
     */
    public static List<Integer> scaled(List<Integer> milestones, int writtenFor, int epochs) {
        if (writtenFor == epochs) {
            return List.copyOf(milestones);
        }
        List<Integer> scaled = new ArrayList<>();
        for (int milestone : milestones) {
            int moved = (int) Math.round((double) milestone * epochs / writtenFor);
            if (moved >= 1 && moved < epochs && !scaled.contains(moved)) {
                scaled.add(moved);
            }
        }
        return List.copyOf(scaled);
    }
}

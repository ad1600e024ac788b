package dev.cnnlab.technique;

/**
 * Test-time augmentation by horizontal flip: the test logits are the mean of the logits of the
 * image and of its mirror image (as in e.g. Krizhevsky et al., 2012, with crops). Reported as an
 * extra metric; the main accuracy stays the plain one.
 */
public final class FlipTestTimeAugmentation implements Technique {

    public static final String NAME = "flip-tta";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TrainingPlan plan(TrainingPlan plan) {
        return plan.withFlipTta();
    }
}

package dev.cnnlab.technique;

import ai.djl.ndarray.NDArray;
import java.util.Optional;

/**
 * Test-time augmentation by horizontal flip: the test logits are the mean of the logits of the
 * image and of its mirror image (as in e.g. Krizhevsky et al., 2012, with crops). Reported as an
 * extra metric; the main accuracy stays the plain one.
 */
public final class FlipTestTimeAugmentation implements Technique {

    public static final String NAME = "flip-tta";

    /** The name under which runs record the flip-averaged test top-1. */
    public static final String METRIC = "test_top1_flip_tta";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<EvaluationMetric> evaluationMetric() {
        return Optional.of(new EvaluationMetric() {
            @Override
            public String key() {
                return METRIC;
            }

            @Override
            public NDArray correct(Batch batch) {
                // the sum ranks classes as the mean does; x.flip(2) mirrors [n, H, W, C] left-right
                return batch.top1Correct(batch.logits().add(batch.logitsOf(x -> x.flip(2))));
            }
        });
    }
}

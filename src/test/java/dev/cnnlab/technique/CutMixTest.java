package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cnnlab.Fixtures;
import dev.cnnlab.util.Seeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CutMixTest {

    private static final int BATCH = 6;
    private static final int H = 8;
    private static final int W = 10;
    private static final int C = 3;
    private static final int CLASSES = 7;

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    /** Pixel value that names its image, position and channel. */
    private static float value(int image, int y, int x, int c) {
        return image * 1000 + y * 100 + x * 10 + c;
    }

    @Test
    void labelWeightsAreThePastedAreaAndPixelsComeFromTheRightImage() {
        float[] values = new float[BATCH * H * W * C];
        for (int b = 0; b < BATCH; b++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    for (int c = 0; c < C; c++) {
                        values[((b * H + y) * W + x) * C + c] = value(b, y, x, c);
                    }
                }
            }
        }
        float[] targets = new float[BATCH * CLASSES];
        for (int b = 0; b < BATCH; b++) {
            targets[b * CLASSES + b] = 1f; // image b has class b
        }
        CutMix cutMix = new CutMix(1.0, 0.5);
        int checkedBoxes = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int seed = 0; seed < 30; seed++) {
                NDArray images = manager.create(values, new Shape(BATCH, H, W, C));
                // Replay the mixer's draws to know its partner permutation and box.
                SplittableRandom replay = Seeds.stream(seed, "cutmix");
                double lambda = cutMix.sampleLambda(replay);
                int[] perm = dev.cnnlab.util.Seeds.permutation(BATCH, replay);
                CutMix.Box box = CutMix.Box.sample(H, W, lambda, replay);

                BatchMixer.MixedBatch mixed =
                        cutMix.mix(images, targets.clone(), CLASSES, Seeds.stream(seed, "cutmix"));
                float[] out = mixed.images().toFloatArray();
                assertThat(mixed.images().getShape()).isEqualTo(new Shape(BATCH, H, W, C));
                double pasted = (double) box.area() / (H * W);
                for (int b = 0; b < BATCH; b++) {
                    for (int y = 0; y < H; y++) {
                        for (int x = 0; x < W; x++) {
                            int from = box.contains(y, x) ? perm[b] : b;
                            for (int c = 0; c < C; c++) {
                                assertThat(out[((b * H + y) * W + x) * C + c]).isEqualTo(value(from, y, x, c));
                            }
                        }
                    }
                    float[] row = java.util.Arrays.copyOfRange(mixed.targets(), b * CLASSES, (b + 1) * CLASSES);
                    if (perm[b] != b) {
                        assertThat((double) row[perm[b]]).isCloseTo(pasted, within(1e-7));
                        assertThat((double) row[b]).isCloseTo(1 - pasted, within(1e-7));
                    } else {
                        assertThat(row[b]).isCloseTo(1f, within(1e-7f));
                    }
                    float sum = 0;
                    for (float t : row) {
                        sum += t;
                    }
                    assertThat(sum).isCloseTo(1f, within(1e-6f));
                }
                if (box.area() > 0 && box.area() < H * W) {
                    checkedBoxes++;
                }
            }
        }
        assertThat(checkedBoxes).isGreaterThan(20);
    }

    @Test
    void boxFollowsTheAuthorsRandBbox() {
        // lam = 0.75: cut ratio 0.5, cut 4 rows and 5 columns, half-sides 2 and 2.
        SplittableRandom random = Seeds.stream(3, "box");
        SplittableRandom replay = Seeds.stream(3, "box");
        CutMix.Box box = CutMix.Box.sample(H, W, 0.75, random);
        int cy = replay.nextInt(H);
        int cx = replay.nextInt(W);
        assertThat(box)
                .isEqualTo(new CutMix.Box(
                        Math.max(0, cy - 2), Math.min(H, cy + 2), Math.max(0, cx - 2), Math.min(W, cx + 2)));
        // lam = 1 pastes nothing; lam = 0 pastes a full-size box around the centre, clipped.
        assertThat(CutMix.Box.sample(H, W, 1.0, new SplittableRandom(1)).area()).isZero();
        for (int seed = 0; seed < 50; seed++) {
            CutMix.Box full = CutMix.Box.sample(H, W, 0.0, new SplittableRandom(seed));
            assertThat(full.y1()).isBetween(0, H);
            assertThat(full.y2()).isBetween(full.y1(), H);
            assertThat(full.x2() - full.x1()).isBetween(W / 2, W);
            assertThat(full.y2() - full.y1()).isBetween(H / 2, H);
        }
    }

    @Test
    void lambdaFollowsBetaAlphaAlpha() {
        for (double alpha : new double[] {0.5, 1.0}) {
            CutMix cutMix = new CutMix(alpha, 1.0);
            SplittableRandom random = Seeds.stream(11, "beta");
            int n = 20000;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double lambda = cutMix.sampleLambda(random);
                sum += lambda;
                squares += lambda * lambda;
            }
            double mean = sum / n;
            assertThat(mean).isCloseTo(0.5, within(0.01));
            assertThat(squares / n - mean * mean).isCloseTo(1 / (4 * (2 * alpha + 1)), within(0.005));
        }
    }

    @Test
    void probabilityIsTheOptionAndOptionsAreChecked() {
        Technique defaults = TechniqueCatalog.create(TechniqueSpec.of("cutmix"));
        assertThat(defaults).isInstanceOf(CutMix.class);
        assertThat(defaults.batchMixer().orElseThrow().probability()).isEqualTo(0.5);
        assertThat(((CutMix) defaults).alpha()).isEqualTo(1.0);
        assertThat(new CutMix(1.0, 1.0).probability()).isEqualTo(1.0);
        assertThatThrownBy(() -> new CutMix(0, 0.5)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new CutMix(1, 0)).hasMessageContaining("prob must be in (0, 1]");
        assertThatThrownBy(() -> new CutMix(1, 1.5)).hasMessageContaining("prob must be in (0, 1]");
    }
}

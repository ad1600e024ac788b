package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.util.Seeds;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AutoAugmentTest {

    @Test
    void policyIsTorchvisionsCifar10Table() {
        assertThat(AutoAugment.CIFAR10_POLICY).hasSize(25);
        AutoAugment.SubPolicy first = AutoAugment.CIFAR10_POLICY.get(0);
        assertThat(first.first()).isEqualTo(new AutoAugment.Step(AugmentOp.INVERT, 0.1, AutoAugment.Step.NONE));
        assertThat(first.second()).isEqualTo(new AutoAugment.Step(AugmentOp.CONTRAST, 0.2, 6));
        AutoAugment.SubPolicy fourth = AutoAugment.CIFAR10_POLICY.get(3);
        assertThat(fourth.first()).isEqualTo(new AutoAugment.Step(AugmentOp.SHEAR_Y, 0.5, 8));
        assertThat(fourth.second()).isEqualTo(new AutoAugment.Step(AugmentOp.TRANSLATE_Y, 0.7, 9));
        AutoAugment.SubPolicy last = AutoAugment.CIFAR10_POLICY.get(24);
        assertThat(last.first()).isEqualTo(new AutoAugment.Step(AugmentOp.TRANSLATE_Y, 0.7, 9));
        assertThat(last.second()).isEqualTo(new AutoAugment.Step(AugmentOp.AUTO_CONTRAST, 0.9, AutoAugment.Step.NONE));
        // Steps with a magnitude have a bin of the 10-bin table; the others none.
        for (AutoAugment.SubPolicy sub : AutoAugment.CIFAR10_POLICY) {
            for (AutoAugment.Step step : new AutoAugment.Step[] {sub.first(), sub.second()}) {
                boolean magnitudeless = step.op() == AugmentOp.INVERT || step.op() == AugmentOp.EQUALIZE
                        || step.op() == AugmentOp.AUTO_CONTRAST;
                if (magnitudeless) {
                    assertThat(step.bin()).isEqualTo(AutoAugment.Step.NONE);
                } else {
                    assertThat(step.bin()).isBetween(0, AutoAugment.BINS - 1);
                }
                assertThat(step.probability()).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void appliesTheDrawnSubPolicyInTorchvisionsDrawOrder() {
        byte[] image = ImageOpsPillowTest.images()[1];
        AutoAugment autoAugment = new AutoAugment();
        Set<Integer> seen = new HashSet<>();
        int changed = 0;
        for (int seed = 0; seed < 400; seed++) {
            byte[] actual = image.clone();
            autoAugment.apply(actual, Seeds.stream(seed, "autoaugment"));

            SplittableRandom random = Seeds.stream(seed, "autoaugment");
            int id = random.nextInt(25);
            double[] draws = {random.nextDouble(), random.nextDouble()};
            boolean[] negate = {random.nextInt(2) == 0, random.nextInt(2) == 0};
            AutoAugment.SubPolicy sub = AutoAugment.CIFAR10_POLICY.get(id);
            AutoAugment.Step[] steps = {sub.first(), sub.second()};
            byte[] expected = image.clone();
            for (int i = 0; i < 2; i++) {
                AutoAugment.Step step = steps[i];
                if (draws[i] <= step.probability()) {
                    double m = step.bin() < 0 ? 0 : step.op().magnitude(step.bin(), 10, 32, 32);
                    step.op().apply(expected, 32, 32, step.op().signed() && negate[i] ? -m : m);
                }
            }
            assertThat(actual).as("seed %d", seed).isEqualTo(expected);
            seen.add(id);
            if (!Arrays.equals(actual, image)) {
                changed++;
            }
        }
        assertThat(seen).hasSize(25);
        assertThat(changed).isGreaterThan(200);
    }

    @Test
    void keepsTheSizeAndIsDeterministicForTheSameStream() {
        byte[] image = ImageOpsPillowTest.images()[1];
        AutoAugment autoAugment = new AutoAugment();
        Set<String> distinct = new HashSet<>();
        for (int seed = 0; seed < 50; seed++) {
            byte[] a = image.clone();
            byte[] b = image.clone();
            autoAugment.apply(a, Seeds.stream(seed, "aa", 3));
            autoAugment.apply(b, Seeds.stream(seed, "aa", 3));
            assertThat(a).hasSize(3072).isEqualTo(b);
            distinct.add(Arrays.toString(a));
        }
        assertThat(distinct.size()).isGreaterThan(20);
    }

    @Test
    void isAnImageTransformOnly() {
        AutoAugment autoAugment = new AutoAugment();
        assertThat(autoAugment.imageTransform()).isPresent();
        assertThat(autoAugment.normalizedImageTransform()).isEmpty();
        assertThat(autoAugment.batchMixer()).isEmpty();
        assertThat(autoAugment.targetTransform()).isEmpty();
        assertThat(autoAugment.name()).isEqualTo("autoaugment");
    }
}

package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.Fixtures;
import dev.cnnlab.util.Seeds;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * AutoAugment against torchvision's own {@code AutoAugment(AutoAugmentPolicy.CIFAR10)}, recorded in
 * {@code src/test/resources/dev/cnnlab/technique/torchvision_autoaugment.txt} by the script beside it
 * ({@code make_torchvision_augment.py}, Debian's torchvision 0.14.1 / Pillow 9.4.0). cnnlab draws from
 * its own streams, so the comparison is of the tables torchvision holds and of the distribution of
 * outputs torchvision's forward() gives, not of a draw sequence.
 */
class AutoAugmentTest {

    private static final List<String> TORCHVISION =
            Fixtures.resourceLines("/dev/cnnlab/technique/torchvision_autoaugment.txt");

    private static List<String[]> lines(String kind) {
        return TORCHVISION.stream()
                .map(l -> l.split(" "))
                .filter(f -> f[0].equals(kind))
                .toList();
    }

    @Test
    void policyIsTorchvisionsCifar10Table() {
        List<String[]> policy = lines("policy");
        assertThat(policy).hasSize(25);
        assertThat(AutoAugment.CIFAR10_POLICY).hasSize(25);
        for (String[] f : policy) {
            AutoAugment.SubPolicy sub = AutoAugment.CIFAR10_POLICY.get(Integer.parseInt(f[1]));
            assertThat(sub.first()).as("sub-policy %s, first", f[1]).isEqualTo(step(f[2], f[3], f[4]));
            assertThat(sub.second()).as("sub-policy %s, second", f[1]).isEqualTo(step(f[5], f[6], f[7]));
        }
    }

    @Test
    void magnitudesOfThe10BinsAndSignsAreTorchvisions() {
        List<String[]> magnitudes = lines("magnitude");
        assertThat(magnitudes).hasSize(14); // every operation AutoAugment may use
        for (String[] f : magnitudes) {
            assertThat(f[1]).isEqualTo(String.valueOf(AutoAugment.BINS));
            AugmentOp op = AugmentOp.valueOf(f[2]);
            assertThat(op.signed()).as("%s signed", op).isEqualTo(f[3].equals("1"));
            for (int bin = 0; bin < f.length - 4; bin++) {
                assertThat(op.magnitude(bin, AutoAugment.BINS, 32, 32))
                        .as("%s bin %d", op, bin)
                        .isEqualTo(Double.parseDouble(f[4 + bin]));
            }
        }
    }

    /**
     * torchvision's outputs on the image, with their probabilities, against 20,000 of cnnlab's: each
     * of cnnlab's must be one of torchvision's (bit for bit, 104 distinct outputs), and they must
     * come with torchvision's frequencies (sub-policy 1/25, operation i fires with its p, fair signs).
     */
    @Test
    void outputsAndTheirFrequenciesAreTorchvisions() {
        byte[] image = ImageOpsPillowTest.images()[1];
        assertThat(Fixtures.crc32(image)).isEqualTo(lines("input").get(0)[1]);
        Map<String, Double> outcomes = new HashMap<>();
        lines("outcome").forEach(f -> outcomes.put(f[1], Double.parseDouble(f[2])));
        assertThat(outcomes).hasSize(104);

        AutoAugment autoAugment = new AutoAugment();
        Fixtures.assertSameOutputDistribution(outcomes, 20_000, seed -> {
            byte[] out = image.clone();
            autoAugment.apply(out, Seeds.stream(seed, "autoaugment"));
            return out;
        });
    }

    private static AutoAugment.Step step(String op, String probability, String bin) {
        return new AutoAugment.Step(
                AugmentOp.valueOf(op),
                Double.parseDouble(probability),
                bin.equals("None") ? AutoAugment.Step.NONE : Integer.parseInt(bin));
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

package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import dev.cnnlab.CnnlabException;
import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.util.Seeds;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TechniqueSetTest {

    /** A mixer that marks the targets with its id, applied with a given probability. */
    private static Technique mixer(String name, float id, double probability) {
        BatchMixer mixer = new BatchMixer() {
            @Override
            public MixedBatch mix(NDArray images, float[] targets, int numClasses, SplittableRandom random) {
                return new MixedBatch(images, new float[] {id});
            }

            @Override
            public double probability() {
                return probability;
            }
        };
        return new Technique() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<BatchMixer> batchMixer() {
                return Optional.of(mixer);
            }
        };
    }

    @Test
    void twoMixersSwitchWithTheOccasionalOnesProbability() {
        TechniqueSet set = TechniqueSet.ofTechniques(List.of(mixer("always", 1, 1.0), mixer("sometimes", 2, 0.3)));
        SplittableRandom random = Seeds.stream(1, "switch");
        int sometimes = 0;
        int n = 10000;
        for (int i = 0; i < n; i++) {
            if (set.mix(null, new float[1], 1, random).targets()[0] == 2f) {
                sometimes++;
            }
        }
        assertThat(sometimes / (double) n).isBetween(0.28, 0.32);
    }

    @Test
    void aSingleOccasionalMixerLeavesTheOtherBatchesAlone() {
        TechniqueSet set = TechniqueSet.ofTechniques(List.of(mixer("sometimes", 2, 0.5)));
        SplittableRandom random = Seeds.stream(2, "switch");
        int mixed = 0;
        for (int i = 0; i < 4000; i++) {
            if (set.mix(null, new float[] {0f}, 1, random).targets()[0] == 2f) {
                mixed++;
            }
        }
        assertThat(mixed / 4000.0).isBetween(0.46, 0.54);
    }

    @Test
    void twoAlwaysOnMixersAreRefused() {
        assertThatThrownBy(() -> TechniqueSet.ofTechniques(List.of(mixer("mixup", 1, 1.0), mixer("cutmix", 2, 1.0))))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("[mixup, cutmix]")
                .hasMessageContaining("prob < 1");
    }

    @Test
    void structuralTechniquesShapeTheModel() {
        TechniqueSet set = TechniqueSet.of(List.of(TechniqueSpec.of("se", "reduction", 8)));
        assertThat(set.shape(ModelSpec.cifar100(29, false))).isEqualTo(new ModelSpec(29, true, 8, 100));
        assertThat(set.mixes()).isFalse();
    }
}

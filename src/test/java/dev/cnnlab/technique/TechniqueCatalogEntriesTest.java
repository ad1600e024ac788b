package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.CnnlabException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue entries of the augmentation and regularisation techniques. */
class TechniqueCatalogEntriesTest {

    private static TechniqueCatalog.Entry entry(String name) {
        return TechniqueCatalog.entries().stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void entriesCarryThePapersCifarDefaults() {
        assertThat(entry("cutmix").defaults()).isEqualTo(Map.of("alpha", 1.0, "prob", 0.5));
        assertThat(entry("cutout").defaults()).isEqualTo(Map.of("size", 8.0));
        assertThat(entry("random-erasing").defaults()).isEqualTo(Map.of("p", 0.5, "sl", 0.02, "sh", 0.4, "r1", 0.3));
        assertThat(entry("label-smoothing").defaults()).isEqualTo(Map.of("epsilon", 0.1));
        assertThat(entry("autoaugment").defaults()).isEmpty();
        assertThat(entry("randaugment").defaults()).isEqualTo(Map.of("n", 2.0, "m", 9.0));
        for (String name :
                new String[] {"cutmix", "cutout", "random-erasing", "label-smoothing", "autoaugment", "randaugment"}) {
            TechniqueCatalog.Entry e = entry(name);
            assertThat(e.description()).isNotBlank();
            assertThat(e.acts()).isNotBlank();
            assertThat(e.paper()).matches(".*(19|20)\\d\\d.*");
        }
    }

    @Test
    void eachBuildsItsClassWithItsHookAndName() {
        assertHook("cutmix", CutMix.class, t -> t.batchMixer().isPresent());
        assertHook("cutout", Cutout.class, t -> t.normalizedImageTransform().isPresent());
        assertHook(
                "random-erasing",
                RandomErasing.class,
                t -> t.normalizedImageTransform().isPresent());
        assertHook(
                "label-smoothing",
                LabelSmoothing.class,
                t -> t.targetTransform().isPresent());
        assertHook("autoaugment", AutoAugment.class, t -> t.imageTransform().isPresent());
        assertHook("randaugment", RandAugment.class, t -> t.imageTransform().isPresent());
        RandAugment ra =
                (RandAugment) TechniqueCatalog.create(new TechniqueSpec("randaugment", Map.of("n", 3.0, "m", 15.0)));
        assertThat(ra.n()).isEqualTo(3);
        assertThat(ra.m()).isEqualTo(15);
    }

    private static void assertHook(String name, Class<?> type, java.util.function.Predicate<Technique> hook) {
        Technique technique = TechniqueCatalog.create(TechniqueSpec.of(name));
        assertThat(technique).isInstanceOf(type);
        assertThat(technique.name()).isEqualTo(name);
        assertThat(hook.test(technique)).as(name + " hook").isTrue();
    }

    @Test
    void badValuesAreRefusedWithTheOptionNamed() {
        assertBad("cutmix", "alpha", 0, "alpha must be > 0");
        assertBad("cutmix", "prob", 0, "prob must be in (0, 1]");
        assertBad("cutout", "size", 8.5, "size must be a whole number");
        assertBad("label-smoothing", "epsilon", -0.5, "epsilon must be in [0, 1)");
        assertBad("randaugment", "m", 31, "m must be a whole number in [0, 30]");
        assertBad("randaugment", "n", 1.5, "n must be a whole number");
        assertBad("randaugment", "n", Double.NaN, "n must be a whole number");
        assertThatThrownBy(() -> TechniqueCatalog.create(TechniqueSpec.of("autoaugment", "m", 1)))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("has no option 'm'");
    }

    private static void assertBad(String name, String option, double value, String message) {
        assertThatThrownBy(() -> TechniqueCatalog.create(TechniqueSpec.of(name, option, value)))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("technique '" + name + "'")
                .hasMessageContaining(message);
    }
}

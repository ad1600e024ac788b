package dev.cnnlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layer order of cnnlab's main code, bottom to top: the README states it, and this test keeps
 * it true. A package may use the packages below it and none above; no two packages depend on each
 * other. A class that needs something from a higher layer is in the wrong layer, or the thing it
 * needs belongs lower (the technique hooks, for example, are technique types that train calls).
 * Inside {@code report}, {@code ReportLayersTest} keeps its pipeline in order the same way.
 */
class LayerOrderTest {

    private static final String ROOT = "dev.cnnlab";

    /** Bottom to top. {@code dev.cnnlab} itself holds only {@code CnnlabException}, usable by all. */
    static final List<String> LAYERS = List.of(
            "util", "device", "torch", "data", "model", "technique", "train", "study", "report", "bench", "cli");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
    }

    static Stream<String> layers() {
        return LAYERS.stream().limit(LAYERS.size() - 1);
    }

    @ParameterizedTest(name = "{0} uses no layer above it")
    @MethodSource("layers")
    void noLayerUsesOneAboveIt(String layer) {
        List<String> above = LAYERS.subList(LAYERS.indexOf(layer) + 1, LAYERS.size());
        upwardRule(
                        ROOT + "." + layer + "..",
                        above.stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new))
                .check(main);
    }

    @Test
    void theRootPackageUsesNoLayer() {
        noClasses()
                .that()
                .resideInAPackage(ROOT)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        LAYERS.stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new))
                .check(main);
    }

    @Test
    void everyMainPackageHasItsPlaceInTheOrder() {
        List<String> unplaced = main.stream()
                .map(c -> c.getPackageName())
                .filter(p -> !p.equals(ROOT))
                .map(p -> p.substring(ROOT.length() + 1).split("\\.")[0])
                .distinct()
                .filter(p -> !LAYERS.contains(p))
                .toList();
        org.assertj.core.api.Assertions.assertThat(unplaced)
                .as("packages missing from LayerOrderTest.LAYERS")
                .isEmpty();
    }

    @Test
    void thereAreNoCyclesBetweenPackages() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(main);
    }

    private static ArchRule upwardRule(String layer, String... above) {
        return noClasses()
                .that()
                .resideInAPackage(layer)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(above)
                .because("the layer order is " + String.join(" -> ", LAYERS) + " (cli on top)");
    }
}

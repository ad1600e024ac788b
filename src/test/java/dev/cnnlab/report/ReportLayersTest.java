package dev.cnnlab.report;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The report's pipeline runs one way: load <- analysis <- content <- render, the facade above all. */
class ReportLayersTest {

    private static final JavaClasses REPORT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cnnlab.report");

    @Test
    void eachStepUsesOnlyTheStepsBeforeIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage("dev.cnnlab.report..")
                .layer("facade")
                .definedBy("dev.cnnlab.report")
                .layer("load")
                .definedBy("dev.cnnlab.report.load..")
                .layer("analysis")
                .definedBy("dev.cnnlab.report.analysis..")
                .layer("content")
                .definedBy("dev.cnnlab.report.content..")
                .layer("render")
                .definedBy("dev.cnnlab.report.render..")
                .whereLayer("facade")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("render")
                .mayOnlyBeAccessedByLayers("facade")
                .whereLayer("content")
                .mayOnlyBeAccessedByLayers("facade", "render")
                .whereLayer("analysis")
                .mayOnlyBeAccessedByLayers("facade", "render", "content")
                .whereLayer("load")
                .mayOnlyBeAccessedByLayers("facade", "render", "content", "analysis")
                .check(REPORT);
    }

    @Test
    void theSubpackagesHaveNoCycles() {
        slices().matching("dev.cnnlab.report.(*)..").should().beFreeOfCycles().check(REPORT);
    }
}

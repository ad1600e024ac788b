package dev.cnnlab.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.Fixtures;
import dev.cnnlab.FolderFixture;
import dev.cnnlab.data.DataSpec;
import dev.cnnlab.data.Dataset;
import dev.cnnlab.report.StudyReport;
import dev.cnnlab.train.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real study on an image folder (three of CIFAR-100's superclasses written as PNG files), with a
 * resolution proxy: every cell learns well above chance, and the report measures the proxy.
 */
class FolderStudyTest {

    private static final String SPEC = """
            name: folder
            data: {format: folder, imageSize: 32}
            models:
              - {name: target, depth: 11}
              - {name: target-16px, depth: 11, resolution: 16}
            target: target
            techniques: {baseline: {}, se: {se: {}}, smooth: {label-smoothing: {}}}
            protocol: {epochs: 4, lr: 0.05, batchSize: 32}
            """;

    @Test
    void learnsAboveChanceAndReportsTheResolutionProxy(@TempDir Path tmp) throws Exception {
        Fixtures.engine();
        // flowers, large natural outdoor scenes, vehicles 1: 200 training and 100 test images each
        Path root = FolderFixture.write(tmp.resolve("data"), List.of(2, 10, 18), 200, 100);
        StudySpec spec = StudySpecReader.parse(SPEC, "folder.yaml");
        Dataset data = spec.data().with(new DataSpec(null, root, null, null)).read();
        assertThat(data.classes()).isEqualTo(3);
        StudyDirectory directory = new StudyDirectory(tmp.resolve("study")).open(spec);
        new StudyRunner(spec, directory, data).threads(2).run(spec.cells());
        for (Cell cell : spec.cells()) {
            RunResult result = directory.run(cell).result().orElseThrow();
            // chance is 33%; on 300 test images its sd is 2.7 points, so 50% is 6 sigma above
            assertThat(result.testAccuracy()).as(cell.id()).isGreaterThan(50.0);
            assertThat(result.config().data().format()).isEqualTo("folder");
            assertThat(result.config().imageSide())
                    .isEqualTo(cell.fidelity().name().endsWith("16px") ? 16 : 32);
        }
        StudyReport.write(directory.dir());
        String md = Files.readString(directory.dir().resolve("report.md"));
        assertThat(md).contains("| target-16px |");
        // its cost: a quarter of the target's FLOPs per image at half the side
        assertThat(md).containsPattern("\\| target-16px \\| 0\\.2[45]× \\|");
    }
}

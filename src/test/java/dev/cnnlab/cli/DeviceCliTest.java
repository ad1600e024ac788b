package dev.cnnlab.cli;

import static dev.cnnlab.cli.CliProcess.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --device} as a user meets it on this project's machines, which have no GPU: the CPU
 * build refuses a GPU, a CUDA build refuses to start, both in one line and before anything is
 * written.
 */
class DeviceCliTest {

    private static final String DATA = System.getProperty("cnnlab.testData");

    @Test
    void aGpuOnTheCpuBuildIsOneLineBeforeAnyOutputIsWritten(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        assertOneLineError(
                CliProcess.run(trainOnDevice(out, "gpu")),
                "--device gpu: this is the CPU build",
                "use --device cpu",
                "CNNLAB_ENGINE=cuda");
        assertThat(out).doesNotExist();

        Path study = tmp.resolve("study");
        assertOneLineError(
                CliProcess.run(
                        "study",
                        "studies/fidelity-quick.yaml",
                        "--data",
                        DATA,
                        "--out",
                        study.toString(),
                        "--device",
                        "gpu:1"),
                "--device gpu:1: this is the CPU build");
        assertThat(study).doesNotExist();

        assertOneLineError(
                CliProcess.run("bench", "--synthetic", "--device", "gpu"), "--device gpu: this is the CPU build");
    }

    @Test
    void aMalformedDeviceNamesTheFormsThatWork() throws Exception {
        assertOneLineError(
                CliProcess.run("train", "--data", DATA, "--device", "tpu:0"),
                "--device must be cpu, gpu or gpu:N",
                "'tpu:0'");
        assertOneLineError(CliProcess.run("bench", "--synthetic", "--device", "gpu:-1"), "--device must be");
    }

    /**
     * The CUDA build's natives are 1.6 GB, too much for every CI run; what decides the refusal is
     * the flavour DJL's native jar declares, so a class path that declares cu118 first runs the same
     * check against this machine's real (absent) CUDA runtime.
     */
    @Test
    void aCudaBuildOnAMachineWithoutAGpuRefusesToStartAndPointsToTheCpuBuild(@TempDir Path tmp) throws Exception {
        Path declared = tmp.resolve("cu118");
        Files.createDirectories(declared.resolve("native/lib"));
        Files.writeString(
                declared.resolve("native/lib/pytorch.properties"),
                "version=2.0.1-20230709\nflavor=cu118\nclassifier=linux-x86_64\n");
        Path out = tmp.resolve("run");
        for (String device : new String[] {"cpu", "gpu"}) {
            assertOneLineError(
                    CliProcess.runWithClassPathFirst(declared, trainOnDevice(out, device)),
                    "this is the CUDA build of cnnlab (libtorch 2.0.1-20230709 cu118)",
                    "no usable CUDA GPU",
                    "run without CNNLAB_ENGINE=cuda to use the CPU build");
        }
        assertThat(out).doesNotExist();
    }

    /** A one-epoch ResNet-11 run into {@code out} on {@code device}. */
    private static String[] trainOnDevice(Path out, String device) {
        return new String[] {
            "train", "--depth", "11", "--epochs", "1", "--data", DATA, "--out", out.toString(), "--device", device
        };
    }
}

package dev.cnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.device.DeviceUnavailable;
import dev.cnnlab.train.RunDirectoryConflict;
import dev.cnnlab.train.TrainingDiverged;
import org.junit.jupiter.api.Test;

class ErrorPhrasingTest {

    private final TrainingDiverged diverged = new TrainingDiverged(Double.NaN, 2, 7, 0.4);

    @Test
    void theDomainSaysWhatHappenedWithoutNamingOptions() {
        assertThat(diverged.getMessage())
                .startsWith("training diverged: loss NaN at epoch 2, batch 7 (learning rate 0.4)")
                .doesNotContain("--");
        assertThat(diverged.epoch()).isEqualTo(2);
        assertThat(diverged.batch()).isEqualTo(7);
        assertThat(diverged.lr()).isEqualTo(0.4);
    }

    @Test
    void trainAdvisesItsOptionsAndAStudyItsSpecKeys() {
        assertThat(ErrorPhrasing.phrase(diverged, "train"))
                .startsWith(diverged.where())
                .contains("lower --lr")
                .contains("--technique warmup")
                .contains("new --out");
        String study = ErrorPhrasing.phrase(diverged, "study");
        assertThat(study)
                .startsWith(diverged.where())
                .contains("`lr`")
                .contains("`warmup`")
                .doesNotContain("--lr")
                .doesNotContain("--technique");
    }

    @Test
    void aRunDirectoryConflictIsAdvisedAsTheOutOfTrainOrAsAStudyCell() {
        RunDirectoryConflict unfinished = new RunDirectoryConflict(
                RunDirectoryConflict.Kind.UNFINISHED, "runs/a holds an unfinished run (2/5 epochs)");
        assertThat(ErrorPhrasing.phrase(unfinished, "train"))
                .isEqualTo(
                        "runs/a holds an unfinished run (2/5 epochs): add --resume to continue it, or choose another --out");
        assertThat(ErrorPhrasing.phrase(unfinished, "study"))
                .startsWith(unfinished.problem())
                .contains("same study command")
                .doesNotContain("--resume");

        RunDirectoryConflict other = new RunDirectoryConflict(
                RunDirectoryConflict.Kind.OTHER_CONFIG, "runs/a holds a finished run with a different config (...)");
        assertThat(ErrorPhrasing.phrase(other, "train")).endsWith("repeat that run's options");
        assertThat(ErrorPhrasing.phrase(other, "study")).contains("study spec").doesNotContain("repeat that run");
    }

    @Test
    void aMissingDeviceIsAdvisedByWhatIsMissing() {
        assertThat(ErrorPhrasing.phrase(
                        new DeviceUnavailable(DeviceUnavailable.Reason.CPU_BUILD, "gpu", "this is the CPU build"),
                        "train"))
                .isEqualTo("--device gpu: this is the CPU build; use --device cpu, or the CUDA build on a GPU"
                        + " machine (CNNLAB_ENGINE=cuda ./cnnlab ...)");
        assertThat(ErrorPhrasing.phrase(
                        new DeviceUnavailable(
                                DeviceUnavailable.Reason.NO_SUCH_GPU, "gpu:2", "this machine has 2 usable GPUs"),
                        "study"))
                .isEqualTo("--device gpu:2: this machine has 2 usable GPUs; use one of those, or --device cpu");
        assertThat(ErrorPhrasing.phrase(
                        new DeviceUnavailable(
                                DeviceUnavailable.Reason.CUDA_BUILD_UNUSABLE, null, "this is the CUDA build"),
                        "bench"))
                .isEqualTo("this is the CUDA build: run without CNNLAB_ENGINE=cuda to use the CPU build");
    }

    @Test
    void untypedErrorsKeepTheirMessage() {
        assertThat(ErrorPhrasing.phrase(new CnnlabException("--epochs must be >= 1, got 0"), "study"))
                .isEqualTo("--epochs must be >= 1, got 0");
    }
}

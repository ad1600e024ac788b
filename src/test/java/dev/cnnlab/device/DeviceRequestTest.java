package dev.cnnlab.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

/**
 * Which device each {@code --device} value means on each kind of build and machine: the CUDA
 * side is exercised with a stated GPU count, since no machine of this project has a GPU.
 */
class DeviceRequestTest {

    private static final NativeFlavour CPU_BUILD = new NativeFlavour("cpu", "2.0.1-20230709");
    private static final NativeFlavour CUDA_BUILD = new NativeFlavour("cu118", "2.0.1-20230709");

    /** A machine with {@code gpus} GPUs under a CUDA runtime of {@code version}. */
    private static GpuProbe machine(int gpus, int version) {
        return new GpuProbe() {
            @Override
            public int gpuCount() {
                return gpus;
            }

            @Override
            public int cudaVersion() {
                return version;
            }

            @Override
            public String describe(int index) {
                return "Test GPU " + index;
            }
        };
    }

    /** The CPU build must never touch the CUDA runtime (it may not exist, or print warnings). */
    private static final GpuProbe UNTOUCHABLE = new GpuProbe() {
        @Override
        public int gpuCount() {
            throw new AssertionError("the CPU build asked for the GPU count");
        }

        @Override
        public int cudaVersion() {
            throw new AssertionError("the CPU build asked for the CUDA version");
        }

        @Override
        public String describe(int index) {
            throw new AssertionError("the CPU build asked for a GPU name");
        }
    };

    @Test
    void parsesTheThreeFormsAndRefusesOthersNamingThem() {
        assertThat(DeviceRequest.parse("cpu").gpuIndex()).isEqualTo(-1);
        assertThat(DeviceRequest.parse("gpu").gpuIndex()).isZero();
        assertThat(DeviceRequest.parse("GPU:3").gpuIndex()).isEqualTo(3);
        assertThat(DeviceRequest.parse("cuda:1").gpuIndex()).isEqualTo(1);
        for (String bad : new String[] {"tpu", "gpu:", "gpu:-1", "gpu:x", "gpu:1:2", ""}) {
            assertThatThrownBy(() -> DeviceRequest.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cpu, gpu or gpu:N")
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void theCpuBuildRunsOnTheCpuAndRefusesAGpuWithoutAskingTheCudaRuntime() {
        assertThat(DeviceRequest.AUTO.resolve(CPU_BUILD, UNTOUCHABLE)).isEqualTo(ComputeDevice.CPU);
        assertThat(DeviceRequest.parse("cpu").resolve(CPU_BUILD, UNTOUCHABLE)).isEqualTo(ComputeDevice.CPU);
        assertThatCode(() -> DeviceRequest.requireUsable(CPU_BUILD, UNTOUCHABLE))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DeviceRequest.parse("gpu:1").resolve(CPU_BUILD, UNTOUCHABLE))
                .isInstanceOfSatisfying(
                        DeviceUnavailable.class,
                        e -> assertThat(e.reason()).isEqualTo(DeviceUnavailable.Reason.CPU_BUILD))
                .hasMessage("this is the CPU build of cnnlab (libtorch 2.0.1-20230709 cpu), which cannot use a GPU");
        assertThat(ComputeDevice.CPU.description()).isEqualTo("cpu()"); // as results have always said
    }

    @Test
    void theCudaBuildTakesTheFirstGpuByDefaultAndNamesIt() {
        ComputeDevice chosen = DeviceRequest.AUTO.resolve(CUDA_BUILD, machine(2, 12020));
        assertThat(chosen.device()).isEqualTo(Device.gpu(0));
        assertThat(chosen.description()).isEqualTo("gpu(0) Test GPU 0");
        assertThat(DeviceRequest.parse("gpu:1")
                        .resolve(CUDA_BUILD, machine(2, 12020))
                        .description())
                .isEqualTo("gpu(1) Test GPU 1");
        assertThat(DeviceRequest.parse("cpu").resolve(CUDA_BUILD, machine(2, 12020)))
                .isEqualTo(ComputeDevice.CPU);
    }

    @Test
    void aGpuIndexPastTheLastIsRefusedWithTheRangeThereIs() {
        assertThatThrownBy(() -> DeviceRequest.parse("gpu:2").resolve(CUDA_BUILD, machine(2, 12020)))
                .isInstanceOfSatisfying(
                        DeviceUnavailable.class,
                        e -> assertThat(e.reason()).isEqualTo(DeviceUnavailable.Reason.NO_SUCH_GPU))
                .hasMessage("this machine has 2 usable GPUs (gpu:0 to gpu:1)");
        assertThatThrownBy(() -> DeviceRequest.parse("gpu:1").resolve(CUDA_BUILD, machine(1, 12020)))
                .hasMessage("this machine has 1 usable GPU (gpu:0)");
    }

    @Test
    void theCudaBuildRefusesToStartWithoutAGpuOrWithTooOldACudaRuntime() {
        assertThatThrownBy(() -> DeviceRequest.requireUsable(CUDA_BUILD, machine(0, -1)))
                .isInstanceOfSatisfying(
                        DeviceUnavailable.class,
                        e -> assertThat(e.reason()).isEqualTo(DeviceUnavailable.Reason.CUDA_BUILD_UNUSABLE))
                .hasMessageContaining("CUDA build")
                .hasMessageContaining("no usable CUDA GPU");
        assertThatThrownBy(() -> DeviceRequest.requireUsable(CUDA_BUILD, machine(1, 11070)))
                .hasMessageContaining("needs a CUDA runtime of 11.8 or newer; the CUDA runtime found offers 11.7");
        assertThatCode(() -> DeviceRequest.requireUsable(CUDA_BUILD, machine(1, 11080)))
                .doesNotThrowAnyException();
    }

    @Test
    void thisBuildIsTheCpuOneAndAWorkersGpuIndexMapsThroughCudaVisibleDevices() {
        NativeFlavour bundled = NativeFlavour.bundled();
        assertThat(bundled.name()).isEqualTo("cpu");
        assertThat(bundled.isCuda()).isFalse();
        assertThat(bundled.libtorchVersion()).startsWith(System.getProperty("cnnlab.libtorchVersion", "2.0.1"));
        assertThat(GpuNames.physicalIndex(0, null)).isZero();
        assertThat(GpuNames.physicalIndex(0, "3")).isEqualTo(3);
        assertThat(GpuNames.physicalIndex(1, "2, 5")).isEqualTo(5);
        assertThat(GpuNames.physicalIndex(2, "2,5")).isEqualTo(-1);
        assertThat(GpuNames.physicalIndex(0, "GPU-8f3a")).isEqualTo(-1);
    }
}

package dev.cnnlab.device;

import ai.djl.util.cuda.CudaUtils;

/**
 * What the machine offers a CUDA build, asked of the CUDA runtime (through DJL's {@link CudaUtils},
 * without loading libtorch). An interface so the decisions built on it are tested on machines
 * without a GPU.
 */
public interface GpuProbe {

    /** GPUs the CUDA runtime can use (after {@code CUDA_VISIBLE_DEVICES}); 0 without a driver. */
    int gpuCount();

    /** The runtime's CUDA version (11.8 = 11080), or -1 when none is found. */
    int cudaVersion();

    /** A readable name of GPU {@code index}, e.g. {@code CUDA GPU 0 (compute capability 7.5)}. */
    String describe(int index);

    /** The machine itself. */
    GpuProbe SYSTEM = new GpuProbe() {
        @Override
        public int gpuCount() {
            return CudaUtils.getGpuCount();
        }

        @Override
        public int cudaVersion() {
            return CudaUtils.hasCuda() ? CudaUtils.getCudaVersion() : -1;
        }

        @Override
        public String describe(int index) {
            String capability = CudaUtils.getComputeCapability(index);
            // DJL joins major and minor ("75", "90", "100"); the minor is one digit
            String dotted = capability.substring(0, capability.length() - 1) + "."
                    + capability.substring(capability.length() - 1);
            return GpuNames.query(index).orElse("CUDA GPU " + index) + " (compute capability " + dotted + ")";
        }
    };
}

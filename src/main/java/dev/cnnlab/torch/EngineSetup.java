package dev.cnnlab.torch;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.cnnlab.device.DeviceRequest;
import dev.cnnlab.device.GpuProbe;
import dev.cnnlab.device.NativeFlavour;

/** Starts libtorch the way cnnlab needs it: offline, with a chosen number of threads. */
public final class EngineSetup {

    /** The system property DJL 0.25 consults before any network access. */
    static final String OFFLINE = "offline";

    private EngineSetup() {}

    /** Threads to use when the user says nothing: one per core, as PyTorch does. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Loads the engine (natives come from the bundled jar; DJL never downloads) and sets the
     * intra-op thread count; safe to call again with another count. The CUDA build on a machine
     * without a usable CUDA GPU is refused here, before any native library is loaded.
     */
    public static Engine start(int threads) {
        DeviceRequest.requireUsable(NativeFlavour.bundled(), GpuProbe.SYSTEM);
        // DJL 0.25 reads `offline` (no downloads, no EC2-metadata call home when the engine loads);
        // DJL 0.26 and later read `ai.djl.offline`. Set here too, so no entry point depends on the launcher.
        System.setProperty(OFFLINE, "true");
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        // One inter-op thread: the graph is a chain, parallelism comes from inside each op.
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        Engine engine = Engine.getEngine("PyTorch");
        JniUtils.setNumThreads(threads);
        return engine;
    }
}

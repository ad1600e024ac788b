package dev.cnnlab.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The libtorch build on the classpath, read from the {@code native/lib/pytorch.properties} that
 * DJL's native jars carry ({@code flavor=cpu} or {@code flavor=cu118}). The default Maven build
 * bundles the CPU natives, {@code mvn -Pcuda} the CUDA 11.8 ones; one build holds one flavour.
 *
 * @param name DJL's flavour name, e.g. {@code cpu} or {@code cu118}
 * @param libtorchVersion the libtorch build, e.g. {@code 2.0.1-20230709}
 */
public record NativeFlavour(String name, String libtorchVersion) {

    /** The CUDA runtime DJL's cu118 natives need, in CUDA's own encoding (11.8 = 11080). */
    public static final int CUDA_11_8 = 11080;

    private static final String PROPERTIES = "native/lib/pytorch.properties";

    /** The flavour bundled with this process, or CPU when none is found (DJL would then refuse to start). */
    public static NativeFlavour bundled() {
        try (InputStream in = NativeFlavour.class.getClassLoader().getResourceAsStream(PROPERTIES)) {
            if (in == null) {
                return new NativeFlavour("cpu", "unknown");
            }
            Properties properties = new Properties();
            properties.load(in);
            return new NativeFlavour(
                    properties.getProperty("flavor", "cpu"), properties.getProperty("version", "unknown"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this build's kernels are CUDA ones (it can then also run on the CPU). */
    public boolean isCuda() {
        return name.startsWith("cu");
    }
}

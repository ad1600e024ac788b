package dev.cnnlab.torch;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A weightless TorchScript module compiled by libtorch from source text held in this code base or
 * written by it: for what DJL's API lacks (a cast autograd records, a one-call optimiser step) and
 * for a whole network's forward pass as one call (its weights are passed in as a list).
 *
 * <p>The archive is written here rather than shipped: four small entries in PyTorch's TorchScript
 * zip format (version 3, as {@code torch.jit.save} writes), so no Python is needed to build or run
 * cnnlab. libtorch compiles {@code code/__torch__.py} when the archive is loaded.
 */
public final class TorchScriptModule implements AutoCloseable {

    /**
     * Off on every thread that runs a module: without it libtorch's graph executor profiles the
     * first runs and then rewrites the graph (with its own derivative formulas when inputs need
     * gradients), so results could change after warm-up. Unoptimised, a module runs exactly the
     * eager operators it names. The setting is per thread in libtorch.
     */
    private static final ThreadLocal<Boolean> PLAIN_EXECUTOR = ThreadLocal.withInitial(() -> {
        JniUtils.setGraphExecutorOptimize(false);
        return true;
    });

    private final NDManager owner;
    private final PtSymbolBlock module;

    private TorchScriptModule(NDManager owner, PtSymbolBlock module) {
        this.owner = owner;
        this.module = module;
    }

    /**
     * Compiles {@code class <className>(Module)} whose methods are {@code methods}: TorchScript
     * source indented by two spaces, each {@code def} taking {@code self: __torch__.<className>} first.
     */
    public static TorchScriptModule compile(String className, String methods) {
        NDManager owner = NDManager.newBaseManager(Device.cpu()); // a module without weights runs on any device
        try {
            byte[] archive = archive(className, methods);
            PtSymbolBlock module =
                    JniUtils.loadModule((PtNDManager) owner, new ByteArrayInputStream(archive), true, false);
            return new TorchScriptModule(owner, module);
        } catch (IOException | RuntimeException e) {
            owner.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Runs {@code forward} with gradient recording off (DJL's {@code IValueUtils.forward}). */
    public IValue forward(IValue... inputs) {
        PLAIN_EXECUTOR.get();
        return IValueUtils.forward(module, inputs);
    }

    /**
     * Runs {@code forward} as autograd would run its operators one by one: inside a gradient
     * collector, the outputs carry the graph back to the inputs' leaves. DJL 0.25 offers this only
     * for inputs given as a flat list of arrays (re-packed each call); its native call takes a
     * flag, reached here directly.
     */
    public IValue forwardRecorded(IValue... inputs) {
        PLAIN_EXECUTOR.get();
        long[] handles = new long[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            handles[i] = inputs[i].getHandle();
        }
        try {
            long output = (long)
                    RecordedCall.RUN_METHOD.invokeExact(module.getHandle().longValue(), "forward", handles);
            return (IValue) RecordedCall.NEW_IVALUE.invokeExact(output);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** DJL's native module call with its record-gradients flag, and its IValue wrapper constructor. */
    private static final class RecordedCall {
        static final MethodHandle RUN_METHOD;
        static final MethodHandle NEW_IVALUE;

        static {
            try {
                Class<?> library = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary");
                MethodHandles.Lookup inLibrary = MethodHandles.privateLookupIn(library, MethodHandles.lookup());
                Object instance =
                        inLibrary.findStaticGetter(library, "LIB", library).invoke();
                MethodHandle run = inLibrary.findVirtual(
                        library,
                        "moduleRunMethod",
                        MethodType.methodType(
                                long.class, long.class, String.class, long[].class, boolean.class, boolean.class));
                // (module, method, inputs, record gradients, separate CUDA stream)
                RUN_METHOD = MethodHandles.insertArguments(run.bindTo(instance), 3, true, false);
                NEW_IVALUE = MethodHandles.privateLookupIn(IValue.class, MethodHandles.lookup())
                        .findConstructor(IValue.class, MethodType.methodType(void.class, long.class));
            } catch (Throwable e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    @Override
    public void close() {
        module.close();
        owner.close();
    }

    /** The TorchScript archive of {@code class <className>(Module)} with {@code methods}. */
    static byte[] archive(String className, String methods) {
        String code = "class " + className + "(Module):\n"
                + "  __parameters__ = []\n"
                + "  __buffers__ = []\n"
                + "  training : bool\n"
                + methods;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            String root = "module/";
            stored(zip, root + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
            stored(zip, root + "data.pkl", modulePickle(className));
            stored(zip, root + "constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
            stored(zip, root + "code/__torch__.py", code.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Pickle (protocol 2) of a {@code __torch__.<className>} object whose state is {training: True}. */
    private static byte[] modulePickle(String className) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80);
        out.write(2); // PROTO 2
        writeAscii(out, "c__torch__\n" + className + "\n"); // GLOBAL
        out.write(')'); // EMPTY_TUPLE
        out.write(0x81); // NEWOBJ
        out.write('}'); // EMPTY_DICT
        out.write('('); // MARK
        out.write('X'); // BINUNICODE
        byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(key.length)
                .array());
        out.writeBytes(key);
        out.write(0x88); // NEWTRUE
        out.write('u'); // SETITEMS
        out.write('b'); // BUILD
        out.write('.'); // STOP
        return out.toByteArray();
    }

    private static void writeAscii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** libtorch's archive reader expects uncompressed entries. */
    private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}

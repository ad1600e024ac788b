package dev.cnnlab.util;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A weightless TorchScript module compiled by libtorch from source text held in this code base,
 * for the few operations DJL's API lacks (a cast autograd records, a one-call optimiser step).
 *
 * <p>The archive is written here rather than shipped: five small entries in PyTorch's TorchScript
 * zip format (version 3, as {@code torch.jit.save} writes), so no Python is needed to build or run
 * cnnlab. libtorch compiles {@code code/__torch__.py} when the archive is loaded.
 */
public final class TorchScriptModule implements AutoCloseable {

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

    /** The loaded module, for DJL's {@code IValueUtils}. */
    public PtSymbolBlock module() {
        return module;
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

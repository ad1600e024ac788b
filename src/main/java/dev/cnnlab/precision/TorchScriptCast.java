package dev.cnnlab.precision;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
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
 * A dtype conversion that libtorch records for autograd, run as a two-line TorchScript module.
 *
 * <p>Why not {@code NDArray.toType}: DJL's PyTorch JNI (0.25 and 0.36 alike) knows only the first nine DJL data
 * types and aborts the whole process ("terminate called without an active exception") when asked
 * for {@code BFLOAT16}; and its {@code toType} is not recorded by autograd, so gradients would stop
 * at the cast. A scripted {@code torch.to(x, dtype)} run through DJL's module API avoids both: the
 * module forward runs with grad mode on, so the cast gets libtorch's own {@code ToCopyBackward},
 * and the bf16 tensor comes back as an ordinary (if DJL-typed "unknown") array.
 *
 * <p>The module archive is written here rather than shipped: it is five small entries in
 * PyTorch's TorchScript zip format (version 3, as {@code torch.jit.save} writes), so no Python is
 * needed to build or run cnnlab.
 */
final class TorchScriptCast implements AutoCloseable {

    /** c10::ScalarType codes, as TorchScript source spells dtypes. */
    static final int SCALAR_FLOAT32 = 6;

    static final int SCALAR_BFLOAT16 = 15;

    private final NDManager owner;
    private final PtSymbolBlock module;

    private TorchScriptCast(NDManager owner, PtSymbolBlock module) {
        this.owner = owner;
        this.module = module;
    }

    /** Loads a module that converts its input to the given c10 scalar type. */
    static TorchScriptCast to(int scalarType, String className) {
        NDManager owner = NDManager.newBaseManager(Device.cpu()); // a module without weights runs on any device
        try {
            byte[] archive = archive(className, scalarType);
            PtSymbolBlock module =
                    JniUtils.loadModule((PtNDManager) owner, new ByteArrayInputStream(archive), true, false);
            return new TorchScriptCast(owner, module);
        } catch (IOException e) {
            owner.close();
            throw new UncheckedIOException(e);
        }
    }

    /** The converted array, in the input's manager, recorded by autograd when grad mode is on. */
    NDArray apply(NDArray x) {
        return IValueUtils.forward(module, new NDList(x), true).singletonOrThrow();
    }

    @Override
    public void close() {
        module.close();
        owner.close();
    }

    /** The TorchScript archive of {@code class <className>(Module)} whose forward is {@code torch.to(x, type)}. */
    static byte[] archive(String className, int scalarType) {
        String code = "class " + className + "(Module):\n"
                + "  __parameters__ = []\n"
                + "  __buffers__ = []\n"
                + "  training : bool\n"
                + "  def forward(self: __torch__." + className + ",\n"
                + "    x: Tensor) -> Tensor:\n"
                + "    return torch.to(x, " + scalarType + ")\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            String root = "cast/";
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

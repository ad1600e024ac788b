package dev.cnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CIFAR-10's binary layout, on files written here from the real CIFAR-100: the images of 10 of its
 * 20 superclasses, labelled by superclass, so every pixel and label read back is known.
 */
class Cifar10ReaderTest {

    /** Records per file: 5 training files of 20 (10 per class in all) and a test file of 20 (2 per class). */
    private static final int RECORDS = 20;

    @TempDir
    Path dir;

    private final List<Integer> trainSource = new ArrayList<>();
    private final List<Integer> testSource = new ArrayList<>();

    @BeforeEach
    void writeTheFiles() throws IOException {
        Cifar100Split train = Fixtures.realData().train();
        Cifar100Split test = Fixtures.realData().test();
        pick(train, 10, trainSource);
        pick(test, 2, testSource);
        for (int f = 0; f < 5; f++) {
            write("data_batch_" + (f + 1) + ".bin", train, trainSource.subList(f * RECORDS, (f + 1) * RECORDS));
        }
        write("test_batch.bin", test, testSource);
        List<String> names = Fixtures.realData().coarseNames().subList(0, 10);
        Files.writeString(dir.resolve("batches.meta.txt"), String.join("\n", names) + "\n\n");
    }

    @Test
    void readsBackEveryPixelLabelAndName() {
        Dataset data = Cifar10Reader.read(dir, RECORDS);
        assertThat(data.classNames())
                .isEqualTo(Fixtures.realData().coarseNames().subList(0, 10));
        assertThat(data.ref().format()).isEqualTo("cifar10");
        assertThat(data.ref().classes()).isEqualTo(10);
        assertThat(data.side()).isEqualTo(32);
        assertSame(data.train(), Fixtures.realData().train(), trainSource);
        assertSame(data.test(), Fixtures.realData().test(), testSource);
        // the md5 is of the files' bytes
        assertThat(data.ref().testMd5()).isEqualTo(Checksums.md5(dir.resolve("test_batch.bin")));
        assertThat(DataSpec.formatOf(dir)).isEqualTo("cifar10");
    }

    @Test
    void faultsAreOneLineErrorsNamingTheFile() throws IOException {
        Path test = dir.resolve("test_batch.bin");
        byte[] bytes = Files.readAllBytes(test);
        bytes[3073 * 4] = 10; // record 4's label
        Files.write(test, bytes);
        assertThatThrownBy(() -> Cifar10Reader.read(dir, RECORDS))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("test_batch.bin")
                .hasMessageContaining("record 4 has label 10");
        Files.write(test, Arrays.copyOf(bytes, bytes.length - 1));
        assertThatThrownBy(() -> Cifar10Reader.read(dir, RECORDS))
                .hasMessageContaining("test_batch.bin")
                .hasMessageContaining("not " + RECORDS + " records");
        Files.delete(dir.resolve("data_batch_3.bin"));
        assertThatThrownBy(() -> Cifar10Reader.read(dir, RECORDS)).hasMessageContaining("data_batch_3.bin is missing");
    }

    @Test
    void anUnbalancedTrainingSetIsRefused() throws IOException {
        Path first = dir.resolve("data_batch_1.bin");
        byte[] bytes = Files.readAllBytes(first);
        bytes[0] = (byte) ((bytes[0] + 1) % 10); // one image moves to another class
        Files.write(first, bytes);
        assertThatThrownBy(() -> Cifar10Reader.read(dir, RECORDS))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("not the official CIFAR-10");
    }

    /** The first {@code perClass} images of each superclass 0..9, interleaved class by class. */
    private static void pick(Cifar100Split split, int perClass, List<Integer> out) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < split.size(); i++) {
            int c = split.coarseLabel(i);
            if (c < 10 && byClass.get(c).size() < perClass) {
                byClass.get(c).add(i);
            }
        }
        for (int k = 0; k < perClass; k++) {
            for (int c = 0; c < 10; c++) {
                out.add(byClass.get(c).get(k));
            }
        }
    }

    private void write(String name, Cifar100Split split, List<Integer> images) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i : images) {
            out.write(split.coarseLabel(i));
            out.write(split.pixels(), i * Cifar100Split.IMAGE_BYTES, Cifar100Split.IMAGE_BYTES);
        }
        Files.write(dir.resolve(name), out.toByteArray());
    }

    private static void assertSame(ImageSplit read, Cifar100Split source, List<Integer> images) {
        assertThat(read.size()).isEqualTo(images.size());
        for (int k = 0; k < images.size(); k++) {
            int i = images.get(k);
            assertThat(read.label(k)).isEqualTo(source.coarseLabel(i));
            assertThat(Arrays.copyOfRange(read.pixels(), k * 3072, (k + 1) * 3072))
                    .isEqualTo(Arrays.copyOfRange(source.pixels(), i * 3072, (i + 1) * 3072));
        }
    }
}

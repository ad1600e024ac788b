package dev.cnnlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link DataVerifier} found.
 *
 * @param trainCount    training records
 * @param testCount     test records
 * @param trainMd5      md5 of {@code train.bin} as read
 * @param testMd5       md5 of {@code test.bin} as read
 * @param trainMd5Ok    whether it equals {@link Checksums#TRAIN_MD5}
 * @param testMd5Ok     whether it equals {@link Checksums#TEST_MD5}
 * @param trainPerClass training images per fine class (100 entries)
 * @param testPerClass  test images per fine class (100 entries)
 * @param perClassOk    whether every fine class has 500 training and 100 test images
 * @param stats         per-channel statistics of the training split
 */
public record VerifyReport(
        int trainCount,
        int testCount,
        String trainMd5,
        String testMd5,
        boolean trainMd5Ok,
        boolean testMd5Ok,
        int[] trainPerClass,
        int[] testPerClass,
        boolean perClassOk,
        ChannelStats stats) {

    /** Training images each fine class must have. */
    public static final int TRAIN_PER_CLASS = CifarReader.TRAIN_RECORDS / Cifar100Split.FINE_CLASSES;
    /** Test images each fine class must have. */
    public static final int TEST_PER_CLASS = CifarReader.TEST_RECORDS / Cifar100Split.FINE_CLASSES;

    /** Whether the data is exactly the official CIFAR-100. */
    public boolean ok() {
        return trainCount == CifarReader.TRAIN_RECORDS
                && testCount == CifarReader.TEST_RECORDS
                && trainMd5Ok
                && testMd5Ok
                && perClassOk;
    }

    /** A readable multi-line report, ending with a newline. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "train.bin  %6d records  md5 %s  %s%n",
                trainCount,
                trainMd5,
                verdict(trainMd5Ok, Checksums.TRAIN_MD5)));
        sb.append(String.format(
                Locale.ROOT,
                "test.bin   %6d records  md5 %s  %s%n",
                testCount,
                testMd5,
                verdict(testMd5Ok, Checksums.TEST_MD5)));
        if (perClassOk) {
            sb.append(String.format(
                    Locale.ROOT,
                    "per class  OK: each of the %d fine classes has %d train and %d test images%n",
                    Cifar100Split.FINE_CLASSES,
                    TRAIN_PER_CLASS,
                    TEST_PER_CLASS));
        } else {
            sb.append("per class  MISMATCH: ").append(describeWrongClasses()).append(System.lineSeparator());
        }
        double[] m = stats.mean();
        double[] s = stats.std();
        sb.append(String.format(Locale.ROOT, "mean (R,G,B)  %.4f  %.4f  %.4f%n", m[0], m[1], m[2]));
        sb.append(String.format(Locale.ROOT, "std  (R,G,B)  %.4f  %.4f  %.4f%n", s[0], s[1], s[2]));
        sb.append(
                        ok()
                                ? "result     OK: this is the official CIFAR-100"
                                : "result     NOT OK: re-download with `./cnnlab data fetch`")
                .append(System.lineSeparator());
        return sb.toString();
    }

    private static String verdict(boolean ok, String expected) {
        return ok ? "OK" : "MISMATCH (expected " + expected + ")";
    }

    /** The first few classes whose counts are off, so the line stays short. */
    private String describeWrongClasses() {
        List<String> wrong = new ArrayList<>();
        int total = 0;
        for (int c = 0; c < Cifar100Split.FINE_CLASSES; c++) {
            int tr = c < trainPerClass.length ? trainPerClass[c] : 0;
            int te = c < testPerClass.length ? testPerClass[c] : 0;
            if (tr != TRAIN_PER_CLASS || te != TEST_PER_CLASS) {
                total++;
                if (wrong.size() < 5) {
                    wrong.add("class " + c + " has " + tr + " train / " + te + " test");
                }
            }
        }
        return total + " classes differ from " + TRAIN_PER_CLASS + "/" + TEST_PER_CLASS + " ("
                + String.join(", ", wrong) + (total > wrong.size() ? ", ..." : "") + ")";
    }
}

package dev.cnnlab.data;

/** Checks that loaded data is exactly the official CIFAR-100: counts, checksums, class balance. */
public final class DataVerifier {

    private DataVerifier() {}

    /** Computes the report; reads nothing from disk (checksums come from the records in memory). */
    public static VerifyReport verify(CifarData data) {
        Cifar100Split train = data.train();
        Cifar100Split test = data.test();
        String trainMd5 = Checksums.md5(train);
        String testMd5 = Checksums.md5(test);
        int[] trainPerClass = perClass(train);
        int[] testPerClass = perClass(test);
        boolean perClassOk = allEqual(trainPerClass, VerifyReport.TRAIN_PER_CLASS)
                && allEqual(testPerClass, VerifyReport.TEST_PER_CLASS);
        return new VerifyReport(
                train.size(),
                test.size(),
                trainMd5,
                testMd5,
                Checksums.TRAIN_MD5.equals(trainMd5),
                Checksums.TEST_MD5.equals(testMd5),
                trainPerClass,
                testPerClass,
                perClassOk,
                ChannelStats.of(train.images(false)));
    }

    /** Images per fine class. */
    static int[] perClass(Cifar100Split split) {
        int[] counts = new int[Cifar100Split.FINE_CLASSES];
        for (int i = 0; i < split.size(); i++) {
            counts[split.fineLabel(i)]++;
        }
        return counts;
    }

    private static boolean allEqual(int[] counts, int expected) {
        for (int c : counts) {
            if (c != expected) {
                return false;
            }
        }
        return true;
    }
}

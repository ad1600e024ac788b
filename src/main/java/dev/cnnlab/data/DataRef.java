package dev.cnnlab.data;

/**
 * Which data a run trains on, as its config records it: a run may only resume on the same data.
 * The location is not part of it (data may move); the checksums are.
 *
 * @param format {@code cifar100}, {@code cifar10} or {@code folder}
 * @param labels which labels of the files: {@code fine} or {@code coarse} for CIFAR-100, {@code
 *     classes} otherwise
 * @param classes number of classes (the network's outputs)
 * @param imageSize the images' side in pixels as loaded (before any resolution fidelity)
 * @param trainMd5 md5 of the training split's bytes (for CIFAR the file's; for an image folder the
 *     decoded cache's)
 * @param testMd5 md5 of the test split's bytes
 * @param trainImages images in the training split
 * @param testImages images in the test split
 * @param subsets how {@code trainLimit}/{@code testLimit} draw images: {@code stratified} (the same
 *     share of every class), or {@code first} in results written before subsets were stratified
 */
public record DataRef(
        String format,
        String labels,
        int classes,
        int imageSize,
        String trainMd5,
        String testMd5,
        int trainImages,
        int testImages,
        String subsets) {

    /** How subsets are drawn now. */
    public static final String STRATIFIED = "stratified";

    /** The official CIFAR-100 with its 100 fine labels: the reference protocol's data. */
    public static final DataRef CIFAR100 = new DataRef(
            "cifar100",
            "fine",
            100,
            32,
            Checksums.TRAIN_MD5,
            Checksums.TEST_MD5,
            CifarReader.TRAIN_RECORDS,
            CifarReader.TEST_RECORDS,
            STRATIFIED);

    /** Short human form, e.g. {@code cifar100 (fine, 100 classes, 32 px)}. */
    public String describe() {
        return format + " (" + labels + ", " + classes + " classes, " + imageSize + " px)";
    }
}

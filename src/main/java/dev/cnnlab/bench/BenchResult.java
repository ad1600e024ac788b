package dev.cnnlab.bench;

/**
 * Measured speed and memory. Rates are medians over the timed iterations, with the 10th and
 * 90th percentiles as spread; NaN where a mode was not measured.
 *
 * @param model network name
 * @param precision compute precision key
 * @param params trainable parameters
 * @param flopsPerImage forward FLOPs per image
 * @param batchSize batch size
 * @param threads libtorch threads
 * @param device the device measured: {@code cpu()}, or {@code gpu(n)} with the GPU's name
 * @param synthetic whether input was synthetic
 * @param allocator the preloaded allocator, if any
 * @param trainImagesPerSecond median training throughput (forward, backward, update, data wait)
 * @param trainP10 10th percentile of training throughput
 * @param trainP90 90th percentile of training throughput
 * @param inferImagesPerSecond median inference throughput
 * @param inferP10 10th percentile of inference throughput
 * @param inferP90 90th percentile of inference throughput
 * @param gflops achieved training GFLOP/s (3 x forward FLOPs per image x median rate)
 * @param inferGflops achieved inference GFLOP/s
 * @param peakGflops theoretical fp32 peak of the cores used
 * @param peakExplained how the peak was computed
 * @param peakFraction training GFLOP/s over the peak
 * @param ceilingGflops measured fp32 ceiling: libtorch's best convolution kernel on a friendly shape
 * @param ceilingFraction training GFLOP/s over that ceiling
 * @param peakRssMb peak resident memory of the process
 * @param rssGrowthPer100Iterations resident memory growth per 100 timed iterations, in percent
 * @param loaderWaitFraction share of the timed training time spent waiting for the data loader
 * @param trainWarmupIterations untimed training iterations (the minimum, or more until the JIT was quiet)
 * @param inferWarmupIterations untimed inference iterations, likewise
 */
public record BenchResult(
        String model,
        String precision,
        long params,
        long flopsPerImage,
        int batchSize,
        int threads,
        String device,
        boolean synthetic,
        String allocator,
        double trainImagesPerSecond,
        double trainP10,
        double trainP90,
        double inferImagesPerSecond,
        double inferP10,
        double inferP90,
        double gflops,
        double inferGflops,
        double peakGflops,
        String peakExplained,
        double peakFraction,
        double ceilingGflops,
        double ceilingFraction,
        long peakRssMb,
        double rssGrowthPer100Iterations,
        double loaderWaitFraction,
        int trainWarmupIterations,
        int inferWarmupIterations) {

    /** A builder: {@code BenchResult.builder().model(...)...build()}, each value named. */
    public static Builder builder() {
        return new Builder();
    }

    /** Named construction of a {@link BenchResult}; what is not set is 0, false or null. */
    public static final class Builder {
        private String model;
        private String precision;
        private long params;
        private long flopsPerImage;
        private int batchSize;
        private int threads;
        private String device;
        private boolean synthetic;
        private String allocator;
        private double trainImagesPerSecond;
        private double trainP10;
        private double trainP90;
        private double inferImagesPerSecond;
        private double inferP10;
        private double inferP90;
        private double gflops;
        private double inferGflops;
        private double peakGflops;
        private String peakExplained;
        private double peakFraction;
        private double ceilingGflops;
        private double ceilingFraction;
        private long peakRssMb;
        private double rssGrowthPer100Iterations;
        private double loaderWaitFraction;
        private int trainWarmupIterations;
        private int inferWarmupIterations;

        private Builder() {}

        public Builder model(String value) {
            model = value;
            return this;
        }

        public Builder precision(String value) {
            precision = value;
            return this;
        }

        public Builder params(long value) {
            params = value;
            return this;
        }

        public Builder flopsPerImage(long value) {
            flopsPerImage = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder device(String value) {
            device = value;
            return this;
        }

        public Builder synthetic(boolean value) {
            synthetic = value;
            return this;
        }

        public Builder allocator(String value) {
            allocator = value;
            return this;
        }

        public Builder trainImagesPerSecond(double value) {
            trainImagesPerSecond = value;
            return this;
        }

        public Builder trainP10(double value) {
            trainP10 = value;
            return this;
        }

        public Builder trainP90(double value) {
            trainP90 = value;
            return this;
        }

        public Builder inferImagesPerSecond(double value) {
            inferImagesPerSecond = value;
            return this;
        }

        public Builder inferP10(double value) {
            inferP10 = value;
            return this;
        }

        public Builder inferP90(double value) {
            inferP90 = value;
            return this;
        }

        public Builder gflops(double value) {
            gflops = value;
            return this;
        }

        public Builder inferGflops(double value) {
            inferGflops = value;
            return this;
        }

        public Builder peakGflops(double value) {
            peakGflops = value;
            return this;
        }

        public Builder peakExplained(String value) {
            peakExplained = value;
            return this;
        }

        public Builder peakFraction(double value) {
            peakFraction = value;
            return this;
        }

        public Builder ceilingGflops(double value) {
            ceilingGflops = value;
            return this;
        }

        public Builder ceilingFraction(double value) {
            ceilingFraction = value;
            return this;
        }

        public Builder peakRssMb(long value) {
            peakRssMb = value;
            return this;
        }

        public Builder rssGrowthPer100Iterations(double value) {
            rssGrowthPer100Iterations = value;
            return this;
        }

        public Builder loaderWaitFraction(double value) {
            loaderWaitFraction = value;
            return this;
        }

        public Builder trainWarmupIterations(int value) {
            trainWarmupIterations = value;
            return this;
        }

        public Builder inferWarmupIterations(int value) {
            inferWarmupIterations = value;
            return this;
        }

        public BenchResult build() {
            return new BenchResult(
                    model,
                    precision,
                    params,
                    flopsPerImage,
                    batchSize,
                    threads,
                    device,
                    synthetic,
                    allocator,
                    trainImagesPerSecond,
                    trainP10,
                    trainP90,
                    inferImagesPerSecond,
                    inferP10,
                    inferP90,
                    gflops,
                    inferGflops,
                    peakGflops,
                    peakExplained,
                    peakFraction,
                    ceilingGflops,
                    ceilingFraction,
                    peakRssMb,
                    rssGrowthPer100Iterations,
                    loaderWaitFraction,
                    trainWarmupIterations,
                    inferWarmupIterations);
        }
    }
}

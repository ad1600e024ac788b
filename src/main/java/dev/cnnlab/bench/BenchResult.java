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
        int inferWarmupIterations) {}

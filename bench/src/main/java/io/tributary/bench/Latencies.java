package io.tributary.bench;

import java.util.Arrays;

/**
 * Summary of a latency sample, percentiles by nearest rank.
 *
 * @param count samples
 * @param p50Ms median
 * @param p99Ms 99th percentile
 * @param maxMs largest
 * @param meanMs mean
 */
record Latencies(int count, double p50Ms, double p99Ms, double maxMs, double meanMs) {

  static Latencies of(double[] samplesMs) {
    if (samplesMs.length == 0) {
      throw new IllegalArgumentException("no latency samples");
    }
    double[] sorted = samplesMs.clone();
    Arrays.sort(sorted);
    return new Latencies(
        sorted.length,
        rank(sorted, 0.50),
        rank(sorted, 0.99),
        sorted[sorted.length - 1],
        Arrays.stream(sorted).average().orElseThrow());
  }

  private static double rank(double[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, index)];
  }
}

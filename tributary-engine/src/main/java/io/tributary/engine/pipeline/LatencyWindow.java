package io.tributary.engine.pipeline;

import java.util.Arrays;

/**
 * The latest latencies (capture to durable, one sample per write), for percentiles over the recent
 * past. Thread-safe.
 */
final class LatencyWindow {
  private final double[] samples;
  private int next;
  private int size;

  LatencyWindow(int capacity) {
    this.samples = new double[capacity];
  }

  synchronized void add(double millis) {
    samples[next] = millis;
    next = (next + 1) % samples.length;
    size = Math.min(size + 1, samples.length);
  }

  /** The {@code p}-th percentile (0–100) of the samples held, or -1 when there are none. */
  synchronized double percentile(double p) {
    if (size == 0) {
      return -1;
    }
    double[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size) - 1;
    return sorted[Math.max(0, Math.min(size - 1, rank))];
  }
}

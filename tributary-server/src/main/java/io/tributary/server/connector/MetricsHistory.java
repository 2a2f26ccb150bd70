package io.tributary.server.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last hour of a connector's throughput and lag, one point per 10 s, computed from the event
 * counter as status is read (the server reads every connector's status every few seconds).
 * Thread-safe.
 */
final class MetricsHistory {
  private static final Duration STEP = Duration.ofSeconds(10);
  private static final Duration KEEP = Duration.ofHours(1);

  private final Deque<MetricPoint> points = new ArrayDeque<>();
  private Instant lastAt;
  private long lastTotal;
  private double latestRate;

  MetricsHistory(Clock clock) {
    this.lastAt = clock.instant();
  }

  synchronized void sample(
      Instant now, long total, long lagBytes, double lagSeconds, double latencyP99Ms) {
    Duration elapsed = Duration.between(lastAt, now);
    if (elapsed.compareTo(STEP) < 0) {
      return;
    }
    latestRate = Math.max(0, total - lastTotal) / (elapsed.toMillis() / 1000.0);
    lastAt = now;
    lastTotal = total;
    points.addLast(new MetricPoint(now, latestRate, lagBytes, lagSeconds, latencyP99Ms));
    while (!points.isEmpty() && points.peekFirst().at().isBefore(now.minus(KEEP))) {
      points.removeFirst();
    }
  }

  synchronized double latestRate() {
    return latestRate;
  }

  synchronized List<MetricPoint> points(Instant from) {
    List<MetricPoint> result = new ArrayList<>();
    for (MetricPoint p : points) {
      if (!p.at().isBefore(from)) {
        result.add(p);
      }
    }
    return result;
  }
}

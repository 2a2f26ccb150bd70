package io.tributary.engine.retry;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the n-th wait is uniform in [base·2ⁿ/2, base·2ⁿ], capped at
 * {@code max}. {@link #reset()} after a healthy period starts over. Not thread-safe.
 */
public final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final DoubleSupplier random;
  private int attempt;

  public Backoff(Duration initial, Duration max, DoubleSupplier random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + ", " + max);
    }
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  /** The wait before the next attempt; each call doubles the ceiling up to {@code max}. */
  public Duration next() {
    long ceiling = initial.toMillis() << Math.min(attempt, 30);
    if (ceiling <= 0 || ceiling > max.toMillis()) {
      ceiling = max.toMillis();
    }
    attempt++;
    long floor = ceiling / 2;
    return Duration.ofMillis(floor + (long) (random.getAsDouble() * (ceiling - floor)));
  }

  public int attempts() {
    return attempt;
  }

  public void reset() {
    attempt = 0;
  }
}

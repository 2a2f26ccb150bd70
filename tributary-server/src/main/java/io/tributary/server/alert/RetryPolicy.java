package io.tributary.server.alert;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently {@link WebhookNotifier} retries: exponential backoff with jitter, or
 * the receiver's {@code Retry-After} when it gives one, capped. Immutable.
 *
 * @param maxAttempts how many requests at most, the first included; at least 1
 * @param initialBackoff the wait before the second attempt, before jitter
 * @param maxBackoff the longest wait that backoff grows to
 * @param maxRetryAfter the longest wait a {@code Retry-After} header may ask for
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  /** 5 attempts, waiting about 1 s, 2 s, 4 s, 8 s; a receiver may ask for up to 60 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if an argument is out of range
   */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    requirePositive(initialBackoff, "initialBackoff");
    requirePositive(maxBackoff, "maxBackoff");
    requirePositive(maxRetryAfter, "maxRetryAfter");
  }

  /**
   * How long to wait after failed attempt number {@code attempt} (1-based).
   *
   * @param retryAfterSeconds the receiver's {@code Retry-After}, if it sent one in seconds
   * @param random the jitter's source: the wait is between half and all of the backoff, so that
   *     many alerts failing together do not retry in lockstep
   */
  Duration delayAfter(int attempt, OptionalLong retryAfterSeconds, RandomGenerator random) {
    if (retryAfterSeconds.isPresent()) {
      Duration asked = Duration.ofSeconds(Math.max(0, retryAfterSeconds.getAsLong()));
      return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
    }
    // 2^(attempt-1) times the initial backoff; the shift is bounded so it cannot overflow
    long factor = 1L << Math.min(attempt - 1, 30);
    long initial = initialBackoff.toMillis();
    long max = maxBackoff.toMillis();
    long backoff = initial > max / factor ? max : initial * factor;
    long jittered = backoff / 2 + (long) (random.nextDouble() * (backoff - backoff / 2));
    return Duration.ofMillis(jittered);
  }

  private static void requirePositive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + d);
    }
  }
}

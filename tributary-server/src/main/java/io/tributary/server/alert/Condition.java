package io.tributary.server.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * When an {@link AlertRule} fires for a connector. Every variant is an immutable value that checks
 * its own arguments; {@link AlertEvaluator} decides when each holds.
 */
public sealed interface Condition {

  /** The connector is in state {@code FAILED}; fires at once. */
  record ConnectorFailed() implements Condition {}

  /**
   * The connector's lag stays above a threshold, given either in bytes of WAL or as time behind the
   * source, for at least {@code forAtLeast}.
   *
   * @param bytes the lag threshold in bytes, or {@code null} when {@code behind} is given
   * @param behind the lag threshold in time, or {@code null} when {@code bytes} is given
   * @param forAtLeast how long the lag must stay above the threshold; may be zero
   */
  record LagAbove(Long bytes, Duration behind, Duration forAtLeast) implements Condition {
    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException unless exactly one positive threshold is given and {@code
     *     forAtLeast} is not negative
     */
    public LagAbove {
      if ((bytes == null) == (behind == null)) {
        throw new IllegalArgumentException(
            "lag_above needs exactly one threshold: bytes or time behind, was bytes="
                + bytes
                + ", behind="
                + behind);
      }
      if (bytes != null && bytes <= 0) {
        throw new IllegalArgumentException("the lag threshold must be positive, was " + bytes);
      }
      if (behind != null && (behind.isNegative() || behind.isZero())) {
        throw new IllegalArgumentException("the lag threshold must be positive, was " + behind);
      }
      requireNotNegative(forAtLeast);
    }
  }

  /**
   * The connector produced no event for {@code forAtLeast}, counted from its last event or its last
   * start, whichever is later, so a connector that just started is not blamed.
   *
   * @param forAtLeast how long without events; positive
   */
  record NoEvents(Duration forAtLeast) implements Condition {
    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException unless {@code forAtLeast} is positive
     */
    public NoEvents {
      Objects.requireNonNull(forAtLeast, "forAtLeast");
      if (forAtLeast.isNegative() || forAtLeast.isZero()) {
        throw new IllegalArgumentException(
            "no_events needs a positive duration, e.g. 10m; was " + forAtLeast);
      }
    }
  }

  /**
   * The WAL that the connector's replication slot retains stays above {@code bytes} for at least
   * {@code forAtLeast}.
   *
   * @param bytes the threshold; positive
   * @param forAtLeast how long it must stay above; may be zero
   */
  record WalRetainedAbove(long bytes, Duration forAtLeast) implements Condition {
    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException unless {@code bytes} is positive, {@code forAtLeast} not
     *     negative
     */
    public WalRetainedAbove {
      if (bytes <= 0) {
        throw new IllegalArgumentException(
            "the retained WAL threshold must be positive, was " + bytes);
      }
      requireNotNegative(forAtLeast);
    }
  }

  private static void requireNotNegative(Duration forAtLeast) {
    Objects.requireNonNull(forAtLeast, "forAtLeast");
    if (forAtLeast.isNegative()) {
      throw new IllegalArgumentException("forAtLeast must not be negative, was " + forAtLeast);
    }
  }
}

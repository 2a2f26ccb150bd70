package io.tributary.server.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the server saw of one connector at one moment: the input of {@link AlertEvaluator}.
 * Immutable.
 *
 * @param connector the connector's name
 * @param state one of {@code CREATED}, {@code SNAPSHOTTING}, {@code STREAMING}, {@code PAUSED},
 *     {@code MAINTENANCE}, {@code FAILED}, {@code STOPPED}
 * @param failure the failure's message when the state is {@code FAILED}, else {@code null}
 * @param lagBytes how many bytes of WAL the connector is behind
 * @param lagBehind how far behind the source the connector is in time, or {@code null} if unknown
 * @param lastEventAt when the connector last emitted an event, or {@code null} if it has not yet
 * @param startedAt when the connector last started (or resumed), or {@code null} if it never has;
 *     "no events" is counted from here at the earliest
 * @param walRetainedBytes the WAL its replication slot retains, or {@code null} if unknown
 * @param at when this was observed
 */
public record Observation(
    String connector,
    String state,
    String failure,
    long lagBytes,
    Duration lagBehind,
    Instant lastEventAt,
    Instant startedAt,
    Long walRetainedBytes,
    Instant at) {

  /** Every connector state, as the REST API spells them. */
  public static final Set<String> STATES =
      Set.of("CREATED", "SNAPSHOTTING", "STREAMING", "PAUSED", "MAINTENANCE", "FAILED", "STOPPED");

  // Someone deliberately stopped watching these; only a resolution may be sent for them.
  private static final Set<String> QUIET = Set.of("PAUSED", "MAINTENANCE", "STOPPED");

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the state is unknown
   */
  public Observation {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
    if (!STATES.contains(state)) {
      throw new IllegalArgumentException(
          "unknown connector state '" + state + "'; expected one of " + STATES);
    }
  }

  /** Whether new alerts may fire: not paused, in maintenance or stopped on purpose. */
  public boolean alertable() {
    return !QUIET.contains(state);
  }
}

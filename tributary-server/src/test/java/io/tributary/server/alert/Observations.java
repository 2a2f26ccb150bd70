package io.tributary.server.alert;

import java.time.Duration;
import java.time.Instant;

/**
 * Builds {@link Observation}s for tests: a healthy streaming connector, changed one part at a time.
 */
record Observations(
    String connector,
    String state,
    String failure,
    long lagBytes,
    Duration lagBehind,
    Instant lastEventAt,
    Instant startedAt,
    Long walRetainedBytes) {

  /** Streaming since long ago, no lag, an event just now. */
  static Observations streaming(String connector) {
    return new Observations(
        connector, "STREAMING", null, 0, Duration.ZERO, null, Instant.EPOCH, 0L);
  }

  Observations state(String newState) {
    return new Observations(
        connector,
        newState,
        failure,
        lagBytes,
        lagBehind,
        lastEventAt,
        startedAt,
        walRetainedBytes);
  }

  Observations failed(String message) {
    return new Observations(
        connector,
        "FAILED",
        message,
        lagBytes,
        lagBehind,
        lastEventAt,
        startedAt,
        walRetainedBytes);
  }

  Observations lagBytes(long bytes) {
    return new Observations(
        connector, state, failure, bytes, lagBehind, lastEventAt, startedAt, walRetainedBytes);
  }

  Observations lagBehind(Duration behind) {
    return new Observations(
        connector, state, failure, lagBytes, behind, lastEventAt, startedAt, walRetainedBytes);
  }

  Observations lastEventAt(Instant at) {
    return new Observations(
        connector, state, failure, lagBytes, lagBehind, at, startedAt, walRetainedBytes);
  }

  Observations startedAt(Instant at) {
    return new Observations(
        connector, state, failure, lagBytes, lagBehind, lastEventAt, at, walRetainedBytes);
  }

  Observations walRetained(Long bytes) {
    return new Observations(
        connector, state, failure, lagBytes, lagBehind, lastEventAt, startedAt, bytes);
  }

  /** The observation, made at {@code at}. */
  Observation at(Instant at) {
    return new Observation(
        connector,
        state,
        failure,
        lagBytes,
        lagBehind,
        lastEventAt,
        startedAt,
        walRetainedBytes,
        at);
  }
}

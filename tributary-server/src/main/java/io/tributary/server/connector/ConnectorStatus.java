package io.tributary.server.connector;

import java.time.Instant;
import java.util.List;

/**
 * A connector's health at one moment, safe to hand to any thread.
 *
 * @param since when it entered {@code state}
 * @param message why it is in this state when that needs saying (the failure, the window), or null
 * @param eventsTotal events written since the server started it the first time
 * @param eventsPerSecond over the last sampling interval (10 s)
 * @param lagBytes source log bytes not yet captured, or -1 when unknown
 * @param lagSeconds how far behind the source it is, or -1 when unknown
 * @param lastEventAt when the last event was written, or null
 * @param latencyP50Ms median time from capture to durable over the latest writes, -1 if unknown
 * @param latencyP99Ms 99th percentile of the same, -1 if unknown
 * @param retainedBytes source log kept for this connector (PostgreSQL: WAL its slot holds back), -1
 *     if unknown
 * @param snapshot progress per table of the running or last snapshot
 * @param errors the latest errors, newest first (at most 20)
 */
public record ConnectorStatus(
    ConnectorState state,
    Instant since,
    String message,
    long eventsTotal,
    double eventsPerSecond,
    long lagBytes,
    double lagSeconds,
    Instant lastEventAt,
    double latencyP50Ms,
    double latencyP99Ms,
    long retainedBytes,
    List<TableProgress> snapshot,
    List<ErrorEntry> errors) {

  public ConnectorStatus {
    snapshot = List.copyOf(snapshot);
    errors = List.copyOf(errors);
  }

  /** Snapshot progress of one table; {@code rowsTotal} is the planner's estimate. */
  public record TableProgress(
      String table, long rowsDone, long rowsTotal, boolean done, Long etaSeconds) {}

  /** One error, with when it happened. */
  public record ErrorEntry(Instant at, String message) {}
}

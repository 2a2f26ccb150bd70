package io.tributary.server.alert;

import io.tributary.server.alert.Condition.ConnectorFailed;
import io.tributary.server.alert.Condition.LagAbove;
import io.tributary.server.alert.Condition.NoEvents;
import io.tributary.server.alert.Condition.WalRetainedAbove;
import java.time.Duration;
import java.time.Instant;

/**
 * The human text of {@link AlertEvent}s: what is wrong (or fine again), with the value and the
 * threshold, e.g. {@code connector shop lag is 12.3 MB behind (threshold 1 MB) for 5m}.
 */
final class AlertMessages {
  private AlertMessages() {}

  /** Why the alert fires; {@code held} is how long the condition has held. */
  static String firing(Condition condition, Observation o, Duration held) {
    String connector = "connector " + o.connector();
    return switch (condition) {
      case ConnectorFailed c ->
          connector + " failed" + (o.failure() == null ? "" : ": " + o.failure());
      case LagAbove lag ->
          connector
              + " lag is "
              + lag(lag, o)
              + " behind (threshold "
              + threshold(lag)
              + ")"
              + lasting(held);
      case NoEvents noEvents ->
          connector
              + " has had no events for "
              + Amounts.duration(held)
              + (startedQuiet(o) ? " since it started" : "")
              + " (threshold "
              + Amounts.duration(noEvents.forAtLeast())
              + ")";
      case WalRetainedAbove wal ->
          connector
              + " retains "
              + Amounts.bytes(o.walRetainedBytes())
              + " of WAL (threshold "
              + Amounts.bytes(wal.bytes())
              + ")"
              + lasting(held);
    };
  }

  /** Why the alert resolved, seen at {@code now}. */
  static String resolved(Condition condition, Observation o, Instant now) {
    String connector = "connector " + o.connector();
    return switch (condition) {
      case ConnectorFailed c -> connector + " is no longer failed (now " + o.state() + ")";
      case LagAbove lag ->
          connector + " lag is back to " + lag(lag, o) + " (threshold " + threshold(lag) + ")";
      case NoEvents noEvents -> connector + eventsAgain(o, now);
      case WalRetainedAbove wal ->
          connector
              + " retains "
              + Amounts.bytes(o.walRetainedBytes())
              + " of WAL again (threshold "
              + Amounts.bytes(wal.bytes())
              + ")";
    };
  }

  /** Why the alert resolved when its connector is no longer observed. */
  static String vanished(String connector) {
    return "connector " + connector + " no longer exists";
  }

  private static String eventsAgain(Observation o, Instant now) {
    if (Conditions.quietSince(o) == null) {
      return " has not started, so no events are expected";
    }
    return startedQuiet(o)
        ? " started again " + ago(o.startedAt(), now)
        : " emits events again (the last one " + ago(o.lastEventAt(), now) + ")";
  }

  private static String lag(LagAbove lag, Observation o) {
    return lag.bytes() != null ? Amounts.bytes(o.lagBytes()) : Amounts.duration(o.lagBehind());
  }

  private static String threshold(LagAbove lag) {
    return lag.bytes() != null ? Amounts.bytes(lag.bytes()) : Amounts.duration(lag.behind());
  }

  private static String lasting(Duration held) {
    return held.isZero() || held.isNegative() ? "" : " for " + Amounts.duration(held);
  }

  // quiet since its start rather than since an event: it emitted nothing since it (re)started
  private static boolean startedQuiet(Observation o) {
    return o.startedAt() != null && o.startedAt().equals(Conditions.quietSince(o));
  }

  private static String ago(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    return d.isNegative() || d.isZero() ? "just now" : Amounts.duration(d) + " ago";
  }
}

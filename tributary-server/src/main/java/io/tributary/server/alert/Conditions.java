package io.tributary.server.alert;

import io.tributary.server.alert.Condition.ConnectorFailed;
import io.tributary.server.alert.Condition.LagAbove;
import io.tributary.server.alert.Condition.NoEvents;
import io.tributary.server.alert.Condition.WalRetainedAbove;
import io.tributary.server.alert.Verdict.Breached;
import io.tributary.server.alert.Verdict.Clear;
import io.tributary.server.alert.Verdict.Unknown;
import java.time.Duration;
import java.time.Instant;

/** Decides whether each kind of {@link Condition} holds for an {@link Observation}. */
final class Conditions {
  private Conditions() {}

  /** Whether {@code condition} holds for {@code o} at {@code now}. */
  static Verdict check(Condition condition, Observation o, Instant now) {
    return switch (condition) {
      case ConnectorFailed c -> o.state().equals("FAILED") ? new Breached(null) : new Clear();
      case LagAbove lag -> lag(lag, o);
      case NoEvents noEvents -> noEvents(noEvents, o, now);
      case WalRetainedAbove wal ->
          o.walRetainedBytes() == null
              ? new Unknown()
              : o.walRetainedBytes() > wal.bytes() ? new Breached(null) : new Clear();
    };
  }

  /** How long a breach must last before the alert fires. */
  static Duration hold(Condition condition) {
    return switch (condition) {
      case ConnectorFailed c -> Duration.ZERO;
      case LagAbove lag -> lag.forAtLeast();
      // the silence is the condition itself: check() only reports a breach once it lasted long
      // enough
      case NoEvents noEvents -> Duration.ZERO;
      case WalRetainedAbove wal -> wal.forAtLeast();
    };
  }

  /**
   * Since when the connector has been quiet: its last event or its last start, whichever is later;
   * {@code null} if it never started nor emitted anything.
   */
  static Instant quietSince(Observation o) {
    if (o.lastEventAt() == null || o.startedAt() == null) {
      return o.lastEventAt() == null ? o.startedAt() : o.lastEventAt();
    }
    return o.lastEventAt().isAfter(o.startedAt()) ? o.lastEventAt() : o.startedAt();
  }

  private static Verdict lag(LagAbove lag, Observation o) {
    if (lag.bytes() != null) {
      return o.lagBytes() > lag.bytes() ? new Breached(null) : new Clear();
    }
    if (o.lagBehind() == null) {
      return new Unknown();
    }
    return o.lagBehind().compareTo(lag.behind()) > 0 ? new Breached(null) : new Clear();
  }

  private static Verdict noEvents(NoEvents noEvents, Observation o, Instant now) {
    Instant quietSince = quietSince(o);
    // a connector that never started is not expected to emit anything
    if (quietSince == null) {
      return new Clear();
    }
    boolean tooLong = Duration.between(quietSince, now).compareTo(noEvents.forAtLeast()) >= 0;
    return tooLong ? new Breached(quietSince) : new Clear();
  }
}

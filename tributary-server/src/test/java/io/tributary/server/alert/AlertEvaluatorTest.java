package io.tributary.server.alert;

import static io.tributary.server.alert.Observations.streaming;
import static io.tributary.server.alert.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.server.alert.AlertEvent.Status;
import io.tributary.server.alert.Condition.ConnectorFailed;
import io.tributary.server.alert.Condition.LagAbove;
import io.tributary.server.alert.Condition.NoEvents;
import io.tributary.server.alert.Condition.WalRetainedAbove;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How each condition fires and resolves. */
class AlertEvaluatorTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private final AlertEvaluator evaluator = new AlertEvaluator();

  private List<AlertEvent> at(Duration sinceT0, AlertRule rule, Observations o) {
    Instant now = T0.plus(sinceT0);
    return evaluator.evaluate(List.of(rule), List.of(o.at(now)), now);
  }

  private static Duration min(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  @Test
  void firesAtOnceWhenTheConnectorFailsAndResolvesWhenItStreamsAgain() {
    AlertRule rule = rule("r1", "shop", new ConnectorFailed());
    Observations failed = streaming("shop").failed("slot \"tributary\" was dropped");

    assertThat(at(Duration.ZERO, rule, failed))
        .singleElement()
        .isEqualTo(
            new AlertEvent(
                "r1",
                "rule r1",
                "shop",
                Status.FIRING,
                "connector shop failed: slot \"tributary\" was dropped",
                T0));
    assertThat(at(Duration.ofSeconds(5), rule, failed)).isEmpty();
    assertThat(at(Duration.ofSeconds(10), rule, streaming("shop")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(Status.RESOLVED);
              assertThat(e.message())
                  .isEqualTo("connector shop is no longer failed (now STREAMING)");
              assertThat(e.at()).isEqualTo(T0.plusSeconds(10));
            });
  }

  @Test
  void firesAfterLagStaysAboveThresholdForFiveMinutes() {
    AlertRule rule = rule("r1", "shop", new LagAbove(1_000_000L, null, min(5)));
    Observations lagging = streaming("shop").lagBytes(12_300_000);

    assertThat(at(Duration.ZERO, rule, lagging)).isEmpty();
    assertThat(at(min(5).minusSeconds(1), rule, lagging)).isEmpty();
    assertThat(at(min(5), rule, lagging))
        .extracting(AlertEvent::status, AlertEvent::message)
        .containsExactly(
            tuple(Status.FIRING, "connector shop lag is 12.3 MB behind (threshold 1 MB) for 5m"));
    assertThat(at(min(6), rule, lagging)).isEmpty();
    assertThat(at(min(7), rule, lagging.lagBytes(200_000)))
        .extracting(AlertEvent::status, AlertEvent::message)
        .containsExactly(
            tuple(Status.RESOLVED, "connector shop lag is back to 200 KB (threshold 1 MB)"));
  }

  @Test
  void lagThatDipsBelowTheThresholdStartsTheWaitOver() {
    AlertRule rule = rule("r1", "shop", new LagAbove(1_000_000L, null, min(5)));
    Observations lagging = streaming("shop").lagBytes(2_000_000);

    assertThat(at(Duration.ZERO, rule, lagging)).isEmpty();
    assertThat(at(min(3), rule, lagging.lagBytes(1_000_000))).isEmpty();
    assertThat(at(min(4), rule, lagging)).isEmpty();
    assertThat(at(min(9).minusSeconds(1), rule, lagging)).isEmpty();
    assertThat(at(min(9), rule, lagging))
        .extracting(AlertEvent::status)
        .containsExactly(Status.FIRING);
  }

  @Test
  void lagInTimeComparesHowFarBehindTheConnectorIs() {
    AlertRule rule = rule("r1", "shop", new LagAbove(null, Duration.ofSeconds(60), Duration.ZERO));

    assertThat(at(Duration.ZERO, rule, streaming("shop").lagBehind(Duration.ofSeconds(60))))
        .isEmpty();
    assertThat(at(min(1), rule, streaming("shop").lagBehind(Duration.ofSeconds(125))))
        .extracting(AlertEvent::message)
        .containsExactly("connector shop lag is 2m 5s behind (threshold 1m)");
    assertThat(at(min(2), rule, streaming("shop").lagBehind(Duration.ofMillis(2500))))
        .extracting(AlertEvent::message)
        .containsExactly("connector shop lag is back to 2.5s (threshold 1m)");
  }

  @Test
  void unknownTimeLagNeitherFiresNorResolves() {
    AlertRule rule = rule("r1", "shop", new LagAbove(null, Duration.ofSeconds(60), min(1)));
    Observations behind = streaming("shop").lagBehind(min(3));

    assertThat(at(Duration.ZERO, rule, behind.lagBehind(null))).isEmpty();
    assertThat(at(min(1), rule, behind)).isEmpty();
    assertThat(at(min(2), rule, behind))
        .extracting(AlertEvent::status)
        .containsExactly(Status.FIRING);
    assertThat(at(min(3), rule, behind.lagBehind(null))).isEmpty();
    assertThat(at(min(4), rule, behind)).isEmpty();
  }

  @Test
  void unknownTimeLagWhileWaitingStartsTheWaitOver() {
    AlertRule rule = rule("r1", "shop", new LagAbove(null, Duration.ofSeconds(60), min(2)));
    Observations behind = streaming("shop").lagBehind(min(3));

    assertThat(at(Duration.ZERO, rule, behind)).isEmpty();
    assertThat(at(min(1), rule, behind.lagBehind(null))).isEmpty();
    assertThat(at(min(2), rule, behind)).isEmpty();
    assertThat(at(min(4), rule, behind))
        .extracting(AlertEvent::status)
        .containsExactly(Status.FIRING);
  }

  @Test
  void firesWhenNoEventCameForTenMinutesAndResolvesWithTheNextEvent() {
    AlertRule rule = rule("r1", "shop", new NoEvents(min(10)));
    Observations quiet = streaming("shop").startedAt(T0.minus(min(60))).lastEventAt(T0);

    assertThat(at(Duration.ZERO, rule, quiet)).isEmpty();
    assertThat(at(min(10).minusSeconds(1), rule, quiet)).isEmpty();
    assertThat(at(min(10), rule, quiet))
        .extracting(AlertEvent::status, AlertEvent::message)
        .containsExactly(
            tuple(Status.FIRING, "connector shop has had no events for 10m (threshold 10m)"));
    assertThat(at(min(12), rule, quiet)).isEmpty();
    assertThat(at(min(13), rule, quiet.lastEventAt(T0.plus(min(13)).minusSeconds(30))))
        .extracting(AlertEvent::status, AlertEvent::message)
        .containsExactly(
            tuple(Status.RESOLVED, "connector shop emits events again (the last one 30s ago)"));
  }

  @Test
  void noEventsDoesNotFireInTheFirstMinutesAfterAStart() {
    AlertRule rule = rule("r1", "shop", new NoEvents(min(10)));
    Observations restarted = streaming("shop").lastEventAt(T0.minus(min(60))).startedAt(T0);

    assertThat(at(Duration.ZERO, rule, restarted)).isEmpty();
    assertThat(at(min(9), rule, restarted)).isEmpty();
    assertThat(at(min(11), rule, restarted))
        .extracting(AlertEvent::message)
        .containsExactly(
            "connector shop has had no events for 11m since it started (threshold 10m)");
  }

  @Test
  void noEventsResolvesWhenTheConnectorRestarts() {
    AlertRule rule = rule("r1", "shop", new NoEvents(min(10)));
    Observations quiet = streaming("shop").startedAt(T0.minus(min(60))).lastEventAt(T0);

    assertThat(at(min(10), rule, quiet)).hasSize(1);
    assertThat(at(min(11), rule, quiet.startedAt(T0.plus(min(11)).minusSeconds(5))))
        .extracting(AlertEvent::status, AlertEvent::message)
        .containsExactly(tuple(Status.RESOLVED, "connector shop started again 5s ago"));
  }

  @Test
  void noEventsNeverFiresForAConnectorThatNeverStarted() {
    AlertRule rule = rule("r1", "shop", new NoEvents(min(1)));
    Observations created = streaming("shop").state("CREATED").startedAt(null);

    assertThat(at(Duration.ZERO, rule, created)).isEmpty();
    assertThat(at(min(60), rule, created)).isEmpty();
  }

  @Test
  void walRetainedAboveWithZeroDurationFiresAtOnce() {
    AlertRule rule = rule("r1", "shop", new WalRetainedAbove(1_073_741_824L, Duration.ZERO));

    assertThat(at(Duration.ZERO, rule, streaming("shop").walRetained(2_100_000_000L)))
        .extracting(AlertEvent::message)
        .containsExactly("connector shop retains 2.1 GB of WAL (threshold 1.1 GB)");
    assertThat(at(min(1), rule, streaming("shop").walRetained(100_000_000L)))
        .extracting(AlertEvent::message)
        .containsExactly("connector shop retains 100 MB of WAL again (threshold 1.1 GB)");
  }

  @Test
  void walRetainedAboveWaitsForItsDurationAndIgnoresUnknownValues() {
    AlertRule rule = rule("r1", "shop", new WalRetainedAbove(1_000_000_000L, min(3)));
    Observations retaining = streaming("shop").walRetained(5_000_000_000L);

    assertThat(at(Duration.ZERO, rule, retaining)).isEmpty();
    assertThat(at(min(2), rule, retaining)).isEmpty();
    assertThat(at(min(3), rule, retaining))
        .extracting(AlertEvent::message)
        .containsExactly("connector shop retains 5 GB of WAL (threshold 1 GB) for 3m");
    assertThat(at(min(4), rule, retaining.walRetained(null))).isEmpty();
    assertThat(at(min(5), rule, retaining)).isEmpty();
  }

  @Test
  void neverRepeatsAnEventWhileTheAlertStaysInItsState() {
    AlertRule rule = rule("r1", "shop", new ConnectorFailed());
    int firing = 0;
    int resolved = 0;
    for (int second = 0; second < 100; second++) {
      Observations o = second < 50 ? streaming("shop").failed("boom") : streaming("shop");
      for (AlertEvent e : at(Duration.ofSeconds(second), rule, o)) {
        if (e.status() == Status.FIRING) {
          firing++;
        } else {
          resolved++;
        }
      }
    }
    assertThat(firing).isEqualTo(1);
    assertThat(resolved).isEqualTo(1);
  }

  @Test
  void rejectsTwoRulesWithOneIdAndTwoObservationsOfOneConnector() {
    AlertRule rule = rule("r1", null, new ConnectorFailed());
    Observation shop = streaming("shop").at(T0);

    assertThatThrownBy(() -> evaluator.evaluate(List.of(rule, rule), List.of(shop), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rule id 'r1'");
    assertThatThrownBy(() -> evaluator.evaluate(List.of(rule), List.of(shop, shop), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connector 'shop'");
  }
}

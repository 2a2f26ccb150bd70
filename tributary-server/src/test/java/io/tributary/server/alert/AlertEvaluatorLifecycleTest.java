package io.tributary.server.alert;

import static io.tributary.server.alert.Observations.streaming;
import static io.tributary.server.alert.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.server.alert.AlertEvent.Status;
import io.tributary.server.alert.Condition.ConnectorFailed;
import io.tributary.server.alert.Condition.LagAbove;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paused connectors, vanished connectors, and rules that come, change and go. */
class AlertEvaluatorLifecycleTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final AlertRule LAG = rule("lag", "shop", new LagAbove(1_000_000L, null, min(5)));
  static final AlertRule FAILED = rule("failed", null, new ConnectorFailed());

  private final AlertEvaluator evaluator = new AlertEvaluator();

  private List<AlertEvent> at(Duration sinceT0, List<AlertRule> rules, Observations... os) {
    Instant now = T0.plus(sinceT0);
    return evaluator.evaluate(rules, List.of(os).stream().map(o -> o.at(now)).toList(), now);
  }

  private static Duration min(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  @Test
  void aPausedConnectorNeverStartsFiringAndItsPauseDoesNotCount() {
    Observations lagging = streaming("shop").lagBytes(5_000_000);

    for (String quiet : List.of("PAUSED", "MAINTENANCE", "STOPPED")) {
      assertThat(at(Duration.ZERO, List.of(LAG), lagging.state(quiet))).isEmpty();
      assertThat(at(min(30), List.of(LAG), lagging.state(quiet))).isEmpty();
    }
    assertThat(at(min(31), List.of(LAG), lagging)).isEmpty();
    assertThat(at(min(36).minusSeconds(1), List.of(LAG), lagging)).isEmpty();
    assertThat(at(min(36), List.of(LAG), lagging))
        .extracting(AlertEvent::status)
        .containsExactly(Status.FIRING);
  }

  @Test
  void aFiringAlertStaysQuietWhilePausedAndResolvesWhenItsConditionEnds() {
    Observations lagging = streaming("shop").lagBytes(5_000_000);
    assertThat(at(Duration.ZERO, List.of(LAG), lagging)).isEmpty();
    assertThat(at(min(5), List.of(LAG), lagging)).hasSize(1);

    assertThat(at(min(6), List.of(LAG), lagging.state("MAINTENANCE"))).isEmpty();
    assertThat(at(min(60), List.of(LAG), lagging.state("MAINTENANCE"))).isEmpty();
    assertThat(at(min(61), List.of(LAG), lagging.state("MAINTENANCE").lagBytes(0)))
        .extracting(AlertEvent::status, AlertEvent::message)
        .containsExactly(
            tuple(Status.RESOLVED, "connector shop lag is back to 0 B (threshold 1 MB)"));
  }

  @Test
  void aFailedConnectorThatIsStoppedResolves() {
    assertThat(at(Duration.ZERO, List.of(FAILED), streaming("shop").failed("boom"))).hasSize(1);

    assertThat(at(min(1), List.of(FAILED), streaming("shop").state("STOPPED")))
        .extracting(AlertEvent::status, AlertEvent::message)
        .containsExactly(
            tuple(Status.RESOLVED, "connector shop is no longer failed (now STOPPED)"));
  }

  @Test
  void aRuleForEveryConnectorTracksEachOnItsOwn() {
    Observations shop = streaming("shop");
    Observations crm = streaming("crm");

    assertThat(at(Duration.ZERO, List.of(FAILED), shop.failed("a"), crm))
        .extracting(AlertEvent::connector, AlertEvent::status)
        .containsExactly(tuple("shop", Status.FIRING));
    assertThat(at(min(1), List.of(FAILED), shop.failed("a"), crm.failed("b")))
        .extracting(AlertEvent::connector, AlertEvent::status)
        .containsExactly(tuple("crm", Status.FIRING));
    assertThat(at(min(2), List.of(FAILED), shop, crm.failed("b")))
        .extracting(AlertEvent::connector, AlertEvent::status)
        .containsExactly(tuple("shop", Status.RESOLVED));
  }

  @Test
  void aRuleForOneConnectorIgnoresTheOthers() {
    AlertRule shopOnly = rule("shop-failed", "shop", new ConnectorFailed());

    assertThat(at(Duration.ZERO, List.of(shopOnly), streaming("crm").failed("boom"))).isEmpty();
  }

  @Test
  void aConnectorThatDisappearsResolvesItsFiringAlertsAndForgetsPendingOnes() {
    Observations lagging = streaming("shop").lagBytes(5_000_000);
    List<AlertRule> rules = List.of(FAILED, LAG);
    assertThat(at(Duration.ZERO, rules, lagging.failed("boom"))).hasSize(1);

    assertThat(at(min(1), rules))
        .extracting(AlertEvent::ruleId, AlertEvent::status, AlertEvent::message)
        .containsExactly(tuple("failed", Status.RESOLVED, "connector shop no longer exists"));
    assertThat(at(min(2), rules)).isEmpty();
    // the lag rule's wait started over when shop disappeared
    assertThat(at(min(5), rules, lagging)).isEmpty();
    assertThat(at(min(10), rules, lagging)).extracting(AlertEvent::ruleId).containsExactly("lag");
  }

  @Test
  void aRemovedRuleDropsItsStateWithoutAnEvent() {
    Observations failed = streaming("shop").failed("boom");
    assertThat(at(Duration.ZERO, List.of(FAILED), failed)).hasSize(1);

    assertThat(at(min(1), List.of(), failed)).isEmpty();
    assertThat(at(min(2), List.of(), streaming("shop"))).isEmpty();
    assertThat(at(min(3), List.of(FAILED), failed))
        .extracting(AlertEvent::status)
        .containsExactly(Status.FIRING);
  }

  @Test
  void aChangedRuleStartsOver() {
    Observations lagging = streaming("shop").lagBytes(5_000_000);
    AlertRule sooner = rule("lag", "shop", new LagAbove(1_000_000L, null, min(2)));

    assertThat(at(Duration.ZERO, List.of(LAG), lagging)).isEmpty();
    // had the wait not started over, 4 minutes would exceed the new 2
    assertThat(at(min(4), List.of(sooner), lagging)).isEmpty();
    assertThat(at(min(6), List.of(sooner), lagging))
        .extracting(AlertEvent::status)
        .containsExactly(Status.FIRING);
  }

  @Test
  void aFiringRuleThatIsRenamedFiresAgainUnderItsNewName() {
    Observations failed = streaming("shop").failed("boom");
    AlertRule renamed =
        new AlertRule("failed", "Failures", null, new ConnectorFailed(), FAILED.webhook());
    assertThat(at(Duration.ZERO, List.of(FAILED), failed)).hasSize(1);

    assertThat(at(min(1), List.of(renamed), failed))
        .extracting(AlertEvent::ruleName, AlertEvent::status)
        .containsExactly(tuple("Failures", Status.FIRING));
  }

  @Test
  void anUnchangedRuleKeepsItsState() {
    Observations lagging = streaming("shop").lagBytes(5_000_000);
    AlertRule same = rule("lag", "shop", new LagAbove(1_000_000L, null, min(5)));

    assertThat(at(Duration.ZERO, List.of(LAG), lagging)).isEmpty();
    assertThat(at(min(5), List.of(same), lagging))
        .extracting(AlertEvent::status)
        .containsExactly(Status.FIRING);
  }
}

package io.tributary.server.controlplane;

import io.tributary.server.alert.AlertEvaluator;
import io.tributary.server.alert.AlertEvent;
import io.tributary.server.alert.AlertRule;
import io.tributary.server.alert.AlertStore;
import io.tributary.server.alert.Observation;
import io.tributary.server.alert.WebhookNotifier;
import io.tributary.server.connector.ConnectorService;
import io.tributary.server.connector.ConnectorStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every few seconds, observes every connector, evaluates the alert rules, records what fires or
 * resolves, and delivers it to the rule's webhook (with retries, on other threads).
 */
final class AlertMonitor implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AlertMonitor.class.getName());

  private final AlertStore store;
  private final ConnectorService connectors;
  private final Clock clock;
  private final Duration every;
  private final AlertEvaluator evaluator = new AlertEvaluator();
  private final ExecutorService deliveries =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("alert-delivery-", 0).factory());
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("alert-monitor").daemon().unstarted(r));
  private final WebhookNotifier notifier;

  AlertMonitor(AlertStore store, ConnectorService connectors, Clock clock, Duration every) {
    this.store = store;
    this.connectors = connectors;
    this.clock = clock;
    this.every = every;
    this.notifier = WebhookNotifier.create(deliveries, result -> {});
  }

  void start() {
    timer.scheduleWithFixedDelay(
        this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  void tick() {
    try {
      Instant now = clock.instant();
      List<Observation> observations = new ArrayList<>();
      connectors.statuses().forEach((name, status) -> observations.add(observe(name, status, now)));
      List<AlertRule> rules = store.rules();
      for (AlertEvent event : evaluator.evaluate(rules, observations, now)) {
        String id = store.recordEvent(event);
        rules.stream()
            .filter(r -> r.id().equals(event.ruleId()))
            .findFirst()
            .ifPresent(
                rule ->
                    notifier
                        .deliver(event, rule.webhook())
                        .thenAccept(result -> store.recordDelivery(id, result)));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "evaluating alert rules failed: " + e.getMessage(), e);
    }
  }

  private static Observation observe(String name, ConnectorStatus s, Instant now) {
    return new Observation(
        name,
        s.state().name(),
        s.state().name().equals("FAILED") ? s.message() : null,
        Math.max(0, s.lagBytes()),
        s.lagSeconds() < 0 ? null : Duration.ofMillis((long) (s.lagSeconds() * 1000)),
        s.lastEventAt(),
        s.since(),
        s.retainedBytes() < 0 ? null : s.retainedBytes(),
        now);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    deliveries.shutdownNow();
  }
}

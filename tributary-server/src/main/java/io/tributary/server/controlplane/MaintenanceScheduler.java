package io.tributary.server.controlplane;

import io.tributary.server.connector.ConnectorService;
import io.tributary.server.maintenance.MaintenanceWindows;
import io.tributary.server.maintenance.Occurrence;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second, puts each connector that should run into maintenance when a window covers it, and
 * back to capturing when none does. A connector a user paused stays paused after its window.
 */
final class MaintenanceScheduler implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(MaintenanceScheduler.class.getName());

  private final MaintenanceWindows windows;
  private final ConnectorService connectors;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("maintenance-scheduler").daemon().unstarted(r));

  MaintenanceScheduler(MaintenanceWindows windows, ConnectorService connectors, Clock clock) {
    this.windows = windows;
    this.connectors = connectors;
    this.clock = clock;
  }

  void start() {
    timer.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
  }

  /** Applies the windows to every connector once. */
  void tick() {
    Instant now = clock.instant();
    for (String name : connectors.wantedRunning()) {
      try {
        Optional<Occurrence> active = windows.activeFor(name, now);
        if (active.isPresent()) {
          connectors.enterMaintenance(name, active.get().end());
        } else {
          connectors.exitMaintenance(name);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "maintenance of connector " + name + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

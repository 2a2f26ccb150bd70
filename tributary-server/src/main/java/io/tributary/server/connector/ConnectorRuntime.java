package io.tributary.server.connector;

import io.tributary.api.Destination;
import io.tributary.api.SnapshotRequest;
import io.tributary.engine.pipeline.Pipeline;
import io.tributary.engine.pipeline.PipelineSettings;
import io.tributary.engine.pipeline.PipelineState;
import io.tributary.engine.pipeline.PipelineStatus;
import io.tributary.log.LogDestination;
import io.tributary.server.pipeline.ValidPipeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connector running in this process: its pipeline on its own thread, started, stopped and
 * restarted on request, and the health the API reports. A pause or a maintenance window stops the
 * pipeline (the source keeps the changes, e.g. in a PostgreSQL slot) and resuming starts it again
 * from the log's committed position, so nothing is lost or repeated. Thread-safe.
 */
public final class ConnectorRuntime {
  private static final Logger LOG = Logger.getLogger(ConnectorRuntime.class.getName());
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_ERRORS = 20;

  private final String name;
  private final Clock clock;
  private final Deque<ConnectorStatus.ErrorEntry> errors = new ArrayDeque<>();
  private final MetricsHistory history;
  private final SnapshotEta eta = new SnapshotEta();

  private Run run; // guarded by this
  private ConnectorState hold; // PAUSED, MAINTENANCE or STOPPED while held; guarded by this
  private ConnectorState since = ConnectorState.CREATED;
  private Instant sinceAt;
  private String holdMessage;
  private long eventsBefore; // events of earlier runs
  private PipelineStatus lastStatus; // of the last finished run
  private volatile SnapshotRequest snapshotRequest; // the latest re-snapshot asked for, or null

  public ConnectorRuntime(String name, Clock clock) {
    this.name = name;
    this.clock = clock;
    this.history = new MetricsHistory(clock);
    this.sinceAt = clock.instant();
    this.hold = ConnectorState.STOPPED;
  }

  public String name() {
    return name;
  }

  /** The re-snapshot every later start carries out (once: the source records it when done). */
  public void requestSnapshot(SnapshotRequest request) {
    this.snapshotRequest = request;
  }

  /** Starts the pipeline unless it runs already; clears a pause or maintenance hold. */
  public synchronized void start(ValidPipeline pipeline) {
    hold = null;
    holdMessage = null;
    if (run != null && run.thread.isAlive()) {
      return;
    }
    run = new Run(pipeline);
    eta.reset();
    run.thread.start();
  }

  /**
   * Stops the pipeline (waiting for what it polled to be written) and holds it in {@code state}:
   * PAUSED, MAINTENANCE or STOPPED.
   */
  public void hold(ConnectorState state, String message) {
    Run r;
    synchronized (this) {
      hold = state;
      holdMessage = message;
      r = run;
    }
    if (r != null) {
      r.stopAndWait();
    }
    synchronized (this) {
      mark(state);
    }
  }

  /** Stops and starts again, with {@code pipeline} (a new config version, or the same). */
  public void restart(ValidPipeline pipeline) {
    Run r;
    synchronized (this) {
      r = run;
    }
    if (r != null) {
      r.stopAndWait();
    }
    start(pipeline);
  }

  /** The held state (PAUSED, MAINTENANCE, STOPPED), or null when it should be running. */
  public synchronized ConnectorState held() {
    return hold;
  }

  public ConnectorStatus status() {
    Instant now = clock.instant();
    PipelineStatus s;
    ConnectorState state;
    String message;
    long before;
    synchronized (this) {
      Run r = run;
      boolean alive = r != null && r.thread.isAlive();
      s = r == null ? lastStatus : r.pipeline.status();
      before = eventsBefore;
      if (hold != null) {
        state = hold;
        message = holdMessage;
      } else if (alive) {
        state = map(s.state());
        message = s.lastError() == null ? null : "retrying after: " + s.lastError();
      } else if (s != null) {
        state = map(s.state());
        message = s.lastError();
      } else {
        state = ConnectorState.CREATED;
        message = null;
      }
      mark(state);
    }
    long total = before + (s == null ? 0 : s.eventsWritten());
    long lagBytes = s == null ? -1 : s.lagBytes();
    Instant last = s == null ? null : s.lastEventAt();
    double lagSeconds = lagSeconds(state, lagBytes, last, now);
    history.sample(now, total, lagBytes, lagSeconds, s == null ? -1 : s.latencyP99Ms());
    return new ConnectorStatus(
        state,
        sinceAt,
        message,
        total,
        history.latestRate(),
        lagBytes,
        lagSeconds,
        last,
        s == null ? -1 : s.latencyP50Ms(),
        s == null ? -1 : s.latencyP99Ms(),
        s == null ? -1 : s.retainedBytes(),
        progress(s, now),
        errors());
  }

  /** Samples for the charts over the last {@code window}, oldest first. */
  public List<MetricPoint> metrics(Duration window) {
    return history.points(clock.instant().minus(window));
  }

  private synchronized void mark(ConnectorState state) {
    if (state != since) {
      since = state;
      sinceAt = clock.instant();
    }
  }

  private synchronized List<ConnectorStatus.ErrorEntry> errors() {
    return List.copyOf(errors);
  }

  private synchronized void error(String message) {
    if (message == null || (!errors.isEmpty() && errors.peekFirst().message().equals(message))) {
      return;
    }
    errors.addFirst(new ConnectorStatus.ErrorEntry(clock.instant(), message));
    while (errors.size() > MAX_ERRORS) {
      errors.removeLast();
    }
  }

  private synchronized void finished(Run r, PipelineStatus status) {
    if (run == r) {
      lastStatus = status;
      eventsBefore += status.eventsWritten();
      run = null;
    } else {
      eventsBefore += status.eventsWritten();
    }
  }

  /**
   * Behind by nothing when caught up; otherwise by the time since the last event, the best this
   * level knows without the source's commit times.
   */
  private static double lagSeconds(ConnectorState state, long lagBytes, Instant last, Instant now) {
    if (!state.isActive() || lagBytes < 0) {
      return -1;
    }
    if (lagBytes == 0 || last == null) {
      return 0;
    }
    return Math.max(0, Duration.between(last, now).toMillis() / 1000.0);
  }

  private List<ConnectorStatus.TableProgress> progress(PipelineStatus s, Instant now) {
    return s == null
        ? List.of()
        : eta.progress(s.snapshotProgress(), s.state() == PipelineState.SNAPSHOTTING, now);
  }

  private static ConnectorState map(PipelineState s) {
    return switch (s) {
      case CREATED -> ConnectorState.CREATED;
      case SNAPSHOTTING -> ConnectorState.SNAPSHOTTING;
      case STREAMING -> ConnectorState.STREAMING;
      case PAUSED -> ConnectorState.PAUSED;
      case FAILED -> ConnectorState.FAILED;
      case STOPPED -> ConnectorState.STOPPED;
    };
  }

  /** One run of the pipeline, from start to stop or failure. */
  private final class Run {
    final Pipeline pipeline;
    final Thread thread;
    private final Destination destination;

    Run(ValidPipeline definition) {
      this.destination = LogDestination.open(definition.destination(), definition.name());
      this.pipeline =
          new Pipeline(
              definition.name(),
              context -> {
                SnapshotRequest request = snapshotRequest;
                return definition
                    .connector()
                    .createTask(
                        definition.source(),
                        request == null ? context : new RequestingContext(context, request));
              },
              destination,
              PipelineSettings.defaults(),
              clock);
      this.thread = Thread.ofPlatform().name("connector-" + name).unstarted(this::runToEnd);
    }

    private void runToEnd() {
      try {
        PipelineState end = pipeline.run();
        if (end == PipelineState.FAILED) {
          error(pipeline.status().lastError());
          LOG.log(
              Level.WARNING,
              "{0}: failed: {1}",
              new Object[] {name, pipeline.status().lastError()});
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        error("unexpected error: " + e);
        LOG.log(Level.SEVERE, name + ": unexpected error", e);
      } finally {
        destination.close();
        finished(this, pipeline.status());
      }
    }

    void stopAndWait() {
      pipeline.stop();
      try {
        thread.join(STOP_TIMEOUT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

package io.tributary.engine.pipeline;

import io.tributary.api.Phase;
import io.tributary.api.TaskContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters and gauges of one pipeline, updated by its threads and read by anyone. Thread-safe. */
final class PipelineMetrics implements TaskContext {
  private final String pipelineName;
  private final Clock clock;
  private final AtomicLong eventsWritten = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong lagBytes = new AtomicLong(-1);
  private final AtomicLong retainedBytes = new AtomicLong(-1);
  private final LatencyWindow latencies = new LatencyWindow(1024);
  private final Map<String, long[]> snapshot = new ConcurrentHashMap<>();
  private volatile PipelineState state = PipelineState.CREATED;
  private volatile Instant lastEventAt;
  private volatile String committedOffset;
  private volatile String lastError;

  PipelineMetrics(String pipelineName, Clock clock) {
    this.pipelineName = pipelineName;
    this.clock = clock;
  }

  @Override
  public String pipelineName() {
    return pipelineName;
  }

  @Override
  public void phase(Phase phase) {
    if (!state.isTerminal()) {
      state =
          switch (phase) {
            case SNAPSHOTTING -> PipelineState.SNAPSHOTTING;
            case STREAMING -> PipelineState.STREAMING;
          };
    }
  }

  @Override
  public void snapshotProgress(String table, long rowsDone, long rowsEstimated) {
    snapshot.put(table, new long[] {rowsDone, rowsEstimated});
  }

  @Override
  public void lag(long bytesBehind) {
    lagBytes.set(bytesBehind);
  }

  @Override
  public void retained(long bytes) {
    retainedBytes.set(bytes);
  }

  @Override
  public Clock clock() {
    return clock;
  }

  void state(PipelineState s) {
    state = s;
  }

  PipelineState state() {
    return state;
  }

  /**
   * @param capturedAtMs when the oldest of these events was captured (epoch ms), or -1: its wait
   *     until durable is the write's latency
   */
  void written(int events, String offset, long capturedAtMs) {
    if (events > 0) {
      eventsWritten.addAndGet(events);
      lastEventAt = clock.instant();
      if (capturedAtMs > 0) {
        latencies.add(Math.max(0, clock.millis() - capturedAtMs));
      }
    }
    committedOffset = offset;
  }

  void error(String message, boolean retrying) {
    lastError = message;
    if (retrying) {
      retries.incrementAndGet();
    }
  }

  PipelineStatus status() {
    return new PipelineStatus(
        state,
        eventsWritten.get(),
        lastEventAt,
        committedOffset,
        lastError,
        retries.get(),
        lagBytes.get(),
        Map.copyOf(snapshot),
        latencies.percentile(50),
        latencies.percentile(99),
        retainedBytes.get());
  }
}

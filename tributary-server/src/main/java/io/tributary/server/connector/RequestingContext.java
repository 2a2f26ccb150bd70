package io.tributary.server.connector;

import io.tributary.api.Phase;
import io.tributary.api.SnapshotRequest;
import io.tributary.api.TaskContext;
import java.time.Clock;
import java.util.Optional;

/** The engine's task context, plus the re-snapshot a user asked for. */
record RequestingContext(TaskContext engine, SnapshotRequest request) implements TaskContext {
  @Override
  public String pipelineName() {
    return engine.pipelineName();
  }

  @Override
  public void phase(Phase phase) {
    engine.phase(phase);
  }

  @Override
  public void snapshotProgress(String table, long rowsDone, long rowsEstimated) {
    engine.snapshotProgress(table, rowsDone, rowsEstimated);
  }

  @Override
  public void lag(long bytesBehind) {
    engine.lag(bytesBehind);
  }

  @Override
  public void retained(long bytes) {
    engine.retained(bytes);
  }

  @Override
  public Clock clock() {
    return engine.clock();
  }

  @Override
  public Optional<SnapshotRequest> snapshotRequest() {
    return Optional.of(request);
  }
}

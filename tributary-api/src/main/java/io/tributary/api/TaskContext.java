package io.tributary.api;

import java.time.Clock;
import java.util.Optional;

/** What the engine offers a task. Methods are thread-safe. */
public interface TaskContext {

  /** The pipeline's name, the default prefix of its stream names. */
  String pipelineName();

  /** Tells the engine (and whoever watches it) what the task is doing now. */
  void phase(Phase phase);

  /** Reports progress of a snapshot of one table: rows copied so far, and the estimate of all. */
  void snapshotProgress(String table, long rowsDone, long rowsEstimated);

  /** Reports how far the task is behind the source, in bytes of source log, when known. */
  void lag(long bytesBehind);

  /**
   * Reports how much source log the source keeps for this pipeline (PostgreSQL: WAL its replication
   * slot holds back), when known; a stuck pipeline makes it grow until the disk fills.
   */
  default void retained(long bytes) {}

  Clock clock();

  /** The re-snapshot a user asked for, if any; see {@link SnapshotRequest}. */
  default Optional<SnapshotRequest> snapshotRequest() {
    return Optional.empty();
  }
}

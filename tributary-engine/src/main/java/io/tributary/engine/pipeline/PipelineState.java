package io.tributary.engine.pipeline;

/**
 * Lifecycle of a pipeline: CREATED → SNAPSHOTTING → STREAMING ⇄ PAUSED; any → FAILED or STOPPED.
 * Retrying after a transient error keeps the state and counts in {@link PipelineStatus#retries()}.
 */
public enum PipelineState {
  CREATED,
  SNAPSHOTTING,
  STREAMING,
  PAUSED,
  FAILED,
  STOPPED;

  public boolean isTerminal() {
    return this == FAILED || this == STOPPED;
  }
}

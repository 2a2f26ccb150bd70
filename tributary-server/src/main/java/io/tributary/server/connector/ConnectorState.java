package io.tributary.server.connector;

/**
 * What a connector is doing, as the API and the UI show it: the engine's lifecycle, plus the two
 * states the control plane adds (paused by a user, paused by a maintenance window).
 */
public enum ConnectorState {
  CREATED,
  SNAPSHOTTING,
  STREAMING,
  PAUSED,
  MAINTENANCE,
  FAILED,
  STOPPED;

  /** Whether capture is running (or starting). */
  public boolean isActive() {
    return this == CREATED || this == SNAPSHOTTING || this == STREAMING;
  }
}

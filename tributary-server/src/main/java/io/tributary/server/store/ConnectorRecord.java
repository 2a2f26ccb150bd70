package io.tributary.server.store;

import java.time.Instant;

/**
 * A connector as the metadata store keeps it.
 *
 * @param name unique name, as in its document
 * @param type the source type, e.g. {@code postgres}
 * @param desired what the user asked for: running, paused or stopped; the server brings the
 *     connector back to it after a restart
 * @param version the current config version (1 on creation, +1 on every change or rollback)
 */
public record ConnectorRecord(
    String name,
    String type,
    DesiredState desired,
    int version,
    Instant createdAt,
    Instant updatedAt) {

  /** What a connector should be doing, whatever it is doing now. */
  public enum DesiredState {
    RUNNING,
    PAUSED,
    STOPPED
  }
}

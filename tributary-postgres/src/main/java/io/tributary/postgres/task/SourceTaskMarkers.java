package io.tributary.postgres.task;

import io.tributary.api.SnapshotRequest;

/**
 * Entries of the offset's done-tables set that are not tables: a re-snapshot request carried out is
 * recorded as {@code !snapshot:<id>}, which no qualified table name can be.
 */
final class SourceTaskMarkers {
  private SourceTaskMarkers() {}

  static String of(SnapshotRequest request) {
    return "!snapshot:" + request.id();
  }
}

package io.tributary.api;

import java.util.Map;
import java.util.Objects;

/**
 * The {@code source} block of an envelope: where and when a change happened.
 *
 * @param connector connector type, e.g. {@code postgresql}
 * @param name pipeline name
 * @param db database name
 * @param schema schema name
 * @param table table name
 * @param tsMs commit time at the source, epoch milliseconds (0 when unknown)
 * @param snapshot {@code "true"}, {@code "last"} or {@code "false"}
 * @param position source-specific position fields in output order, e.g. {@code lsn}, {@code txId}
 */
public record SourceInfo(
    String connector,
    String name,
    String db,
    String schema,
    String table,
    long tsMs,
    String snapshot,
    Map<String, Object> position) {

  public SourceInfo {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(position, "position");
  }
}

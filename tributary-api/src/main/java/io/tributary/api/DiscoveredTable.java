package io.tributary.api;

import java.util.Objects;

/**
 * A table (or other collection) a source could capture, as discovery reports it for the UI's table
 * picker.
 *
 * @param schema the schema (namespace) it lives in
 * @param name its name within the schema
 * @param primaryKey whether it has a primary key (without one, updates and deletes need extra
 *     settings on some sources)
 * @param estimatedRows the source's estimate of its row count, or -1 when unknown
 */
public record DiscoveredTable(String schema, String name, boolean primaryKey, long estimatedRows) {
  public DiscoveredTable {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
  }

  /** {@code schema.name}, as pipeline documents list tables. */
  public String qualifiedName() {
    return schema + "." + name;
  }
}

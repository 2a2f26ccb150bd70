package io.tributary.postgres.catalog;

import java.util.Objects;

/** A table's qualified name. */
public record TableId(String schema, String table) {
  public TableId {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(table, "table");
  }

  /** Parses {@code schema.table}; a name without schema means {@code public}. */
  public static TableId parse(String qualified) {
    int dot = qualified.indexOf('.');
    return dot < 0
        ? new TableId("public", qualified)
        : new TableId(qualified.substring(0, dot), qualified.substring(dot + 1));
  }

  /** Quoted for SQL: {@code "schema"."table"}. */
  public String quoted() {
    return quote(schema) + "." + quote(table);
  }

  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  public String toString() {
    return schema + "." + table;
  }
}

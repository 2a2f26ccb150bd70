package io.tributary.postgres.event;

import io.tributary.postgres.catalog.TableId;

/** Stream naming: {@code <pipeline>.<schema>.<table>}. */
public final class StreamNames {
  private StreamNames() {}

  public static String of(String pipeline, TableId table) {
    return pipeline + "." + table.schema() + "." + table.table();
  }
}

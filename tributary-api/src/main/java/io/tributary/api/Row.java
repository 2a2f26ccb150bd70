package io.tributary.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An ordered set of column values. Values are plain Java objects: {@code null}, {@link Boolean},
 * {@link Integer}, {@link Long}, {@link Double}, {@link Float}, {@link java.math.BigDecimal},
 * {@link String}, {@code byte[]} (written as base64), {@link List} (arrays), {@link RawJson} (json
 * embedded as is), or {@link Unavailable#VALUE} for a value the source could not supply (an
 * unchanged TOASTed column in PostgreSQL).
 *
 * @param columns column names, shared between rows of the same table version
 * @param values one value per column, may contain nulls
 */
public record Row(List<String> columns, List<Object> values) {

  public Row {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(values, "values");
    if (columns.size() != values.size()) {
      throw new IllegalArgumentException(
          "row has " + columns.size() + " columns but " + values.size() + " values");
    }
  }

  /** A row over the given values; the array is owned by the row from now on. */
  public static Row of(List<String> columns, Object... values) {
    return new Row(columns, Collections.unmodifiableList(Arrays.asList(values)));
  }

  public int size() {
    return columns.size();
  }

  /** The value of the named column, or null when absent. */
  public Object get(String column) {
    int i = columns.indexOf(column);
    return i < 0 ? null : values.get(i);
  }
}

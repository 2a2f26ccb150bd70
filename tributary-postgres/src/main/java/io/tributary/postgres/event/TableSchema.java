package io.tributary.postgres.event;

import io.tributary.api.Row;
import io.tributary.postgres.catalog.TableId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How one version of a table's rows become events: the stream they go to, column names and types,
 * and which columns form the event key (the primary key; else the replica identity columns).
 *
 * @param id the table (the partition root for partitioned tables)
 * @param stream the stream its events go to
 * @param columns column names in tuple order, shared by every row of this version
 * @param typeOids column type OIDs in tuple order
 * @param keyIndexes positions of the key columns, empty when the table has no key
 * @param keyColumns names of the key columns, in key order
 */
public record TableSchema(
    TableId id,
    String stream,
    List<String> columns,
    int[] typeOids,
    int[] keyIndexes,
    List<String> keyColumns) {

  public TableSchema {
    columns = List.copyOf(columns);
    typeOids = typeOids.clone();
    keyIndexes = keyIndexes.clone();
    keyColumns = List.copyOf(keyColumns);
  }

  public static TableSchema of(
      TableId id, String stream, List<String> columns, int[] typeOids, int[] keyIndexes) {
    List<String> keyColumns = Arrays.stream(keyIndexes).mapToObj(columns::get).toList();
    return new TableSchema(id, stream, columns, typeOids, keyIndexes, keyColumns);
  }

  /** Picks {@code primaryKey} columns by name; columns not present are ignored. */
  public static int[] keyIndexes(List<String> columns, List<String> primaryKey) {
    List<Integer> out = new ArrayList<>();
    for (String k : primaryKey) {
      int i = columns.indexOf(k);
      if (i >= 0) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The key of a row, or null when the table has no key. */
  public Row key(Object[] values) {
    if (keyIndexes.length == 0) {
      return null;
    }
    Object[] key = new Object[keyIndexes.length];
    for (int i = 0; i < key.length; i++) {
      key[i] = values[keyIndexes[i]];
    }
    return Row.of(keyColumns, key);
  }

  public Row row(Object[] values) {
    return Row.of(columns, values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TableSchema s
        && id.equals(s.id)
        && stream.equals(s.stream)
        && columns.equals(s.columns)
        && Arrays.equals(typeOids, s.typeOids)
        && Arrays.equals(keyIndexes, s.keyIndexes);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + columns.hashCode();
  }

  @Override
  public String toString() {
    return "TableSchema[" + id + " " + columns + " key=" + keyColumns + "]";
  }
}

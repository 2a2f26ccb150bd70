package io.tributary.postgres.catalog;

import java.util.List;

/**
 * What the catalog says about one captured table.
 *
 * @param id qualified name
 * @param oid the table's OID
 * @param partitioned whether it is a partitioned table (events come under this root's name)
 * @param replicaIdentity d (default), f (full), i (index), n (nothing)
 * @param primaryKey primary key columns in key order, empty when there is none
 * @param columns all columns in order (name, type OID), dropped ones excluded
 * @param hasToastable whether some column may be TOASTed (varlena with storage other than plain)
 * @param pages table size in pages (sum over partitions)
 * @param estimatedRows the planner's row estimate (sum over partitions), -1 when never analyzed
 */
public record TableInfo(
    TableId id,
    long oid,
    boolean partitioned,
    char replicaIdentity,
    List<String> primaryKey,
    List<Column> columns,
    boolean hasToastable,
    long pages,
    long estimatedRows) {

  /** One column. */
  public record Column(String name, int typeOid) {}

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }
}

package io.tributary.postgres.stream;

import io.tributary.postgres.catalog.Catalog;
import io.tributary.postgres.catalog.TableId;
import io.tributary.postgres.event.StreamNames;
import io.tributary.postgres.event.TableSchema;
import io.tributary.postgres.pgoutput.Relation;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The current shape of every table seen in the stream, keyed by relation OID. A Relation message
 * arrives before a table's first change and again after each change to its definition (added,
 * dropped or renamed columns), so events always use the columns in force when the row was written.
 */
final class RelationCache {
  private final String pipeline;
  private final Set<TableId> captured;
  private final Set<Integer> capturedOids;
  private final Catalog catalog;
  private final Map<Integer, TableSchema> schemas = new HashMap<>();

  RelationCache(
      String pipeline, Set<TableId> captured, Set<Integer> capturedOids, Catalog catalog) {
    this.pipeline = pipeline;
    this.captured = captured;
    this.capturedOids = capturedOids;
    this.catalog = catalog;
  }

  void update(Relation r) throws SQLException {
    TableId id = new TableId(r.namespace().isEmpty() ? "pg_catalog" : r.namespace(), r.name());
    if (!captured.contains(id) && !capturedOids.contains(r.oid())) {
      schemas.remove(r.oid());
      return;
    }
    List<String> columns = r.columns().stream().map(Relation.Column::name).toList();
    int[] types = r.columns().stream().mapToInt(Relation.Column::typeOid).toArray();
    List<String> pk = catalog.primaryKey(Integer.toUnsignedLong(r.oid()));
    int[] key = pk.isEmpty() ? keyFlags(r) : TableSchema.keyIndexes(columns, pk);
    schemas.put(r.oid(), TableSchema.of(id, StreamNames.of(pipeline, id), columns, types, key));
  }

  /** Without a primary key, the replica identity columns flagged by the server form the key. */
  private static int[] keyFlags(Relation r) {
    if (r.replicaIdentity() == Relation.IDENTITY_FULL) {
      return new int[0];
    }
    return java.util.stream.IntStream.range(0, r.columns().size())
        .filter(i -> r.columns().get(i).partOfKey())
        .toArray();
  }

  /** The schema of a captured relation, or null when the relation is not captured. */
  TableSchema get(int oid) {
    return schemas.get(oid);
  }
}

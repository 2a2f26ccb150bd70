package io.tributary.postgres.pgoutput;

import java.util.List;
import java.util.Objects;

/**
 * {@code Relation} ('R'): describes a table before the first change to it in a session and again
 * after its definition changes. Changes refer to it by {@link #oid()}; their tuples have one value
 * per {@link #columns() column}, in this order.
 *
 * @param oid the table's OID
 * @param namespace the schema name, or the empty string for {@code pg_catalog}, as sent
 * @param name the table name
 * @param replicaIdentity {@code relreplident}: {@link #IDENTITY_DEFAULT}, {@link
 *     #IDENTITY_NOTHING}, {@link #IDENTITY_FULL} or {@link #IDENTITY_INDEX}
 * @param columns the published columns (generated columns are never sent)
 */
public record Relation(
    int oid, String namespace, String name, char replicaIdentity, List<Column> columns)
    implements PgOutputMessage {

  /** Replica identity is the primary key. */
  public static final char IDENTITY_DEFAULT = 'd';

  /** No replica identity: updates and deletes carry no old values. */
  public static final char IDENTITY_NOTHING = 'n';

  /** All columns form the replica identity: updates and deletes carry the whole old row. */
  public static final char IDENTITY_FULL = 'f';

  /** Replica identity is a chosen unique index. */
  public static final char IDENTITY_INDEX = 'i';

  public Relation {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }

  /**
   * One column of a {@link Relation}.
   *
   * @param partOfKey whether the column belongs to the replica identity (flag bit 1)
   * @param name the column name
   * @param typeOid the OID of the column's data type
   * @param typmod the type modifier ({@code atttypmod}), -1 when there is none
   */
  public record Column(boolean partOfKey, String name, int typeOid, int typmod) {

    public Column {
      Objects.requireNonNull(name, "name");
    }
  }
}

package io.tributary.postgres.pgoutput;

import java.util.Objects;

/**
 * {@code Delete} ('D'): a row was deleted. pgoutput sends no delete at all for tables whose replica
 * identity is NOTHING.
 *
 * @param relationOid the {@link Relation#oid()} of the table
 * @param oldKind {@link Update#OLD_KEY} ('K': key columns set, others null) or {@link
 *     Update#OLD_ROW} ('O': replica identity FULL, the whole old row)
 * @param oldTuple the old key or row
 */
public record Delete(int relationOid, char oldKind, TupleData oldTuple) implements PgOutputMessage {

  public Delete {
    Objects.requireNonNull(oldTuple, "oldTuple");
    if (oldKind != Update.OLD_KEY && oldKind != Update.OLD_ROW) {
      throw new IllegalArgumentException("oldKind must be 'K' or 'O', not " + (int) oldKind);
    }
  }
}

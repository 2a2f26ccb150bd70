package io.tributary.postgres.pgoutput;

import java.util.Objects;

/**
 * {@code Update} ('U'): a row was updated.
 *
 * <p>Which old values come along depends on the table's replica identity: with FULL, the whole old
 * row ({@link #OLD_ROW}); with a key, the old key only when the update changed it ({@link
 * #OLD_KEY}, non-key columns sent as null); otherwise none ({@link #NO_OLD}).
 *
 * @param relationOid the {@link Relation#oid()} of the table
 * @param oldKind {@link #OLD_KEY} ('K'), {@link #OLD_ROW} ('O') or {@link #NO_OLD} (0)
 * @param oldTuple the old key or row, null exactly when {@code oldKind} is {@link #NO_OLD}
 * @param newTuple the row after the update; unchanged TOASTed values are {@link
 *     io.tributary.api.Unavailable#VALUE}
 */
public record Update(int relationOid, char oldKind, TupleData oldTuple, TupleData newTuple)
    implements PgOutputMessage {

  /** The old tuple holds the replica identity key columns. */
  public static final char OLD_KEY = 'K';

  /** The old tuple holds the whole old row (replica identity FULL). */
  public static final char OLD_ROW = 'O';

  /** No old tuple was sent. */
  public static final char NO_OLD = 0;

  public Update {
    Objects.requireNonNull(newTuple, "newTuple");
    if (oldKind != OLD_KEY && oldKind != OLD_ROW && oldKind != NO_OLD) {
      throw new IllegalArgumentException("oldKind must be 'K', 'O' or 0, not " + (int) oldKind);
    }
    if ((oldKind == NO_OLD) != (oldTuple == null)) {
      throw new IllegalArgumentException("oldTuple must be present exactly when oldKind is set");
    }
  }

  /** An update without old values. */
  public Update(int relationOid, TupleData newTuple) {
    this(relationOid, NO_OLD, null, newTuple);
  }

  public boolean hasOldTuple() {
    return oldTuple != null;
  }
}

package io.tributary.postgres.pgoutput;

import java.util.Objects;

/**
 * {@code Insert} ('I'): a row was inserted.
 *
 * @param relationOid the {@link Relation#oid()} of the table
 * @param newTuple the inserted row
 */
public record Insert(int relationOid, TupleData newTuple) implements PgOutputMessage {

  public Insert {
    Objects.requireNonNull(newTuple, "newTuple");
  }
}

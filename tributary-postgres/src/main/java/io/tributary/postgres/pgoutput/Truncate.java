package io.tributary.postgres.pgoutput;

import java.util.List;

/**
 * {@code Truncate} ('T'): one TRUNCATE statement emptied these tables.
 *
 * @param options bit set of {@link #CASCADE} and {@link #RESTART_IDENTITY}
 * @param relationOids the {@link Relation#oid()}s of the truncated tables
 */
public record Truncate(int options, List<Integer> relationOids) implements PgOutputMessage {

  /** {@code TRUNCATE ... CASCADE}. */
  public static final int CASCADE = 1;

  /** {@code TRUNCATE ... RESTART IDENTITY}. */
  public static final int RESTART_IDENTITY = 2;

  public Truncate {
    relationOids = List.copyOf(relationOids);
  }

  public boolean cascade() {
    return (options & CASCADE) != 0;
  }

  public boolean restartIdentity() {
    return (options & RESTART_IDENTITY) != 0;
  }
}

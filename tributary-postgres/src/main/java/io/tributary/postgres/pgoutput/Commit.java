package io.tributary.postgres.pgoutput;

import io.tributary.api.offset.Lsn;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code Commit} ('C'): the transaction opened by the last {@link Begin} ends.
 *
 * @param flags currently unused by PostgreSQL (0)
 * @param commitLsn the LSN of the commit record, equal to the {@link Begin#finalLsn()}
 * @param endLsn the LSN just past the commit record; confirming it as flushed releases the
 *     transaction
 * @param commitTimeMicros commit time in microseconds since the Unix epoch (1970-01-01 UTC)
 */
public record Commit(int flags, Lsn commitLsn, Lsn endLsn, long commitTimeMicros)
    implements PgOutputMessage {

  public Commit {
    Objects.requireNonNull(commitLsn, "commitLsn");
    Objects.requireNonNull(endLsn, "endLsn");
  }

  /** The commit time as an instant. */
  public Instant commitTime() {
    return PgEpoch.toInstant(commitTimeMicros);
  }
}

package io.tributary.postgres.pgoutput;

import io.tributary.api.offset.Lsn;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code Begin} ('B'): a transaction starts. pgoutput only sends committed transactions, so the
 * commit's position and time are already known here.
 *
 * @param finalLsn the LSN of the transaction's commit record
 * @param commitTimeMicros commit time in microseconds since the Unix epoch (1970-01-01 UTC); the
 *     wire value counts from 2000-01-01 and is converted on decoding
 * @param xid the transaction id, an unsigned 32-bit number (0 to 4,294,967,295)
 */
public record Begin(Lsn finalLsn, long commitTimeMicros, long xid) implements PgOutputMessage {

  public Begin {
    Objects.requireNonNull(finalLsn, "finalLsn");
  }

  /** The commit time as an instant. */
  public Instant commitTime() {
    return PgEpoch.toInstant(commitTimeMicros);
  }
}

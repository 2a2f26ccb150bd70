package io.tributary.postgres.pgoutput;

import java.time.Instant;

/** PostgreSQL counts timestamps in microseconds since 2000-01-01 UTC, not since the Unix epoch. */
final class PgEpoch {
  /** Microseconds from 1970-01-01 to 2000-01-01 (10,957 days). */
  static final long OFFSET_MICROS = 946_684_800_000_000L;

  private PgEpoch() {}

  static long toUnixMicros(long pgMicros) {
    return pgMicros + OFFSET_MICROS;
  }

  static Instant toInstant(long unixMicros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(unixMicros, 1_000_000L), Math.floorMod(unixMicros, 1_000_000L) * 1000L);
  }
}

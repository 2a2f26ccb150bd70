package io.tributary.postgres.pgoutput;

/** Commit: Int8 flags, Int64 commit LSN, Int64 end LSN, Int64 commit time (µs since 2000). */
final class CommitDecoder {
  private CommitDecoder() {}

  static Commit decode(MessageReader in) {
    int flags = in.readByte("flags") & 0xFF;
    var commitLsn = in.readLsn("commit LSN");
    var endLsn = in.readLsn("end LSN");
    long commitTime = PgEpoch.toUnixMicros(in.readInt64("commit timestamp"));
    return new Commit(flags, commitLsn, endLsn, commitTime);
  }
}

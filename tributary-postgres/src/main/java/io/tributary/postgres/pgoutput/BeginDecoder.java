package io.tributary.postgres.pgoutput;

/** Begin: Int64 final LSN, Int64 commit time (µs since 2000), Int32 xid. */
final class BeginDecoder {
  private BeginDecoder() {}

  static Begin decode(MessageReader in) {
    var finalLsn = in.readLsn("final LSN");
    long commitTime = PgEpoch.toUnixMicros(in.readInt64("commit timestamp"));
    long xid = Integer.toUnsignedLong(in.readInt32("xid"));
    return new Begin(finalLsn, commitTime, xid);
  }
}

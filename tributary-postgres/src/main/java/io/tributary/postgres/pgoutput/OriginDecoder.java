package io.tributary.postgres.pgoutput;

/** Origin: Int64 commit LSN on the origin, String origin name. */
final class OriginDecoder {
  private OriginDecoder() {}

  static Origin decode(MessageReader in) {
    var commitLsn = in.readLsn("origin commit LSN");
    return new Origin(commitLsn, in.readString("origin name"));
  }
}

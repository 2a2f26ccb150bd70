package io.tributary.postgres.pgoutput;

/**
 * Message: Int8 flags (1 = transactional), Int64 LSN, String prefix, Int32 length, content bytes.
 * The Int32 xid that protocol version 2 puts first for streamed transactions never appears in
 * version 1.
 */
final class LogicalMessageDecoder {
  private static final int FLAG_TRANSACTIONAL = 1;

  private LogicalMessageDecoder() {}

  static LogicalMessage decode(MessageReader in) {
    boolean transactional = (in.readByte("flags") & FLAG_TRANSACTIONAL) != 0;
    var lsn = in.readLsn("message LSN");
    String prefix = in.readString("prefix");
    byte[] content = in.readBytes(in.readLength("content"), "content");
    return new LogicalMessage(transactional, lsn, prefix, content);
  }
}

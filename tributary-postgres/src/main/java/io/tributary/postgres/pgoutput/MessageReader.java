package io.tributary.postgres.pgoutput;

import io.tributary.api.offset.Lsn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the protocol's big-endian fields from one message, checking every read against the end of
 * the message so that a truncated or corrupt message fails with an exception that says which field
 * was cut off where, instead of a bare {@link java.nio.BufferUnderflowException}. Offsets in
 * messages count from the message's type byte.
 */
final class MessageReader {
  private final ByteBuffer buf;
  private final int start;
  private final int limit;
  private final String message;
  private int pos;

  /** Reads the message that starts (with its type byte) at the buffer's position. */
  MessageReader(ByteBuffer buffer, String message) {
    // Fields are big-endian; only a caller's odd little-endian view costs a duplicate.
    this.buf =
        buffer.order() == ByteOrder.BIG_ENDIAN
            ? buffer
            : buffer.duplicate().order(ByteOrder.BIG_ENDIAN);
    this.start = buffer.position();
    this.limit = buffer.limit();
    this.message = message;
    this.pos = start + 1;
  }

  /** Where reading stopped, as an absolute buffer index. */
  int position() {
    return pos;
  }

  /** Bytes left in the message. */
  int remaining() {
    return limit - pos;
  }

  byte readByte(String field) {
    require(1, field);
    return buf.get(pos++);
  }

  /** An unsigned Int16, as counts are. */
  int readInt16(String field) {
    require(2, field);
    int v = buf.getShort(pos) & 0xFFFF;
    pos += 2;
    return v;
  }

  int readInt32(String field) {
    require(4, field);
    int v = buf.getInt(pos);
    pos += 4;
    return v;
  }

  long readInt64(String field) {
    require(8, field);
    long v = buf.getLong(pos);
    pos += 8;
    return v;
  }

  Lsn readLsn(String field) {
    return new Lsn(readInt64(field));
  }

  /** A non-negative Int32 length that fits in what is left of the message. */
  int readLength(String field) {
    int n = readInt32(field + " length");
    if (n < 0) {
      throw malformed("negative length " + n + " for " + field, pos - 4);
    }
    require(n, field);
    return n;
  }

  /** The protocol's String: UTF-8 bytes ended by a zero byte. */
  String readString(String field) {
    int end = indexOfZero();
    if (end < 0) {
      throw malformed(
          "string " + field + " has no terminating zero byte before the end of the message", pos);
    }
    String s = readUtf8(end - pos, field);
    pos++; // the terminator
    return s;
  }

  String readUtf8(int length, String field) {
    require(length, field);
    String s;
    if (buf.hasArray()) {
      s = new String(buf.array(), buf.arrayOffset() + pos, length, StandardCharsets.UTF_8);
    } else {
      byte[] bytes = new byte[length];
      buf.get(pos, bytes);
      s = new String(bytes, StandardCharsets.UTF_8);
    }
    pos += length;
    return s;
  }

  /** Moves past {@code length} bytes of {@code field}. */
  void skip(int length, String field) {
    require(length, field);
    pos += length;
  }

  /** A copy of the message's bytes between two absolute buffer indexes. */
  byte[] copy(int from, int to) {
    byte[] bytes = new byte[to - from];
    buf.get(from, bytes);
    return bytes;
  }

  byte[] readBytes(int length, String field) {
    require(length, field);
    byte[] bytes = new byte[length];
    buf.get(pos, bytes);
    pos += length;
    return bytes;
  }

  /** Fails unless the whole message was read: leftover bytes mean the format was misunderstood. */
  void expectEnd() {
    if (pos != limit) {
      throw malformed((limit - pos) + " unexpected byte(s) after the last field", pos);
    }
  }

  PgOutputException malformed(String detail, int at) {
    return new PgOutputException(
        "malformed pgoutput " + message + " message at offset " + (at - start) + ": " + detail);
  }

  private int indexOfZero() {
    if (buf.hasArray()) {
      byte[] a = buf.array();
      int off = buf.arrayOffset();
      for (int i = pos; i < limit; i++) {
        if (a[off + i] == 0) {
          return i;
        }
      }
      return -1;
    }
    for (int i = pos; i < limit; i++) {
      if (buf.get(i) == 0) {
        return i;
      }
    }
    return -1;
  }

  private void require(int n, String field) {
    if (limit - pos < n) {
      throw new PgOutputException(
          "truncated pgoutput "
              + message
              + " message: "
              + field
              + " needs "
              + n
              + " byte(s) at offset "
              + (pos - start)
              + " but only "
              + (limit - pos)
              + " remain (message length "
              + (limit - start)
              + ")");
    }
  }
}

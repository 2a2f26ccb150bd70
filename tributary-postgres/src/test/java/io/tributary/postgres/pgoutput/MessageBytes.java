package io.tributary.postgres.pgoutput;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Builds protocol messages byte by byte, big-endian, as the "Message Formats" page lists fields.
 */
final class MessageBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static MessageBytes message(char type) {
    return new MessageBytes().int8(type);
  }

  MessageBytes int8(int v) {
    out.write(v);
    return this;
  }

  MessageBytes int16(int v) {
    return int8(v >>> 8).int8(v);
  }

  MessageBytes int32(int v) {
    return int16(v >>> 16).int16(v);
  }

  MessageBytes int64(long v) {
    return int32((int) (v >>> 32)).int32((int) v);
  }

  /** A String field: UTF-8 bytes and a terminating zero. */
  MessageBytes string(String s) {
    return bytes(s.getBytes(StandardCharsets.UTF_8)).int8(0);
  }

  MessageBytes bytes(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  /** A TupleData text column: 't', Int32 length, UTF-8 bytes. */
  MessageBytes text(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return int8('t').int32(b.length).bytes(b);
  }

  byte[] toArray() {
    return out.toByteArray();
  }

  ByteBuffer buffer() {
    return ByteBuffer.wrap(toArray());
  }

  PgOutputMessage decode() {
    return new PgOutputDecoder().decode(buffer());
  }
}

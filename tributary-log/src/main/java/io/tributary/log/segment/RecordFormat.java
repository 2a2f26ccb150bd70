package io.tributary.log.segment;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk form of one record, all integers big-endian:
 *
 * <pre>
 * int32 length        bytes that follow this field
 * int32 crc           CRC-32C of the bytes that follow this field
 * int64 offset        the record's offset in its stream
 * int64 timestampMs
 * int32 keyLength     -1 for a null key
 * byte[] key
 * int32 valueLength   -1 for a null value
 * byte[] value
 * </pre>
 *
 * <p>The length comes first so that a reader can skip or bound a record before trusting it; the CRC
 * covers everything after itself so a torn or overwritten record is detected whatever part is bad.
 */
public final class RecordFormat {
  public static final int LENGTH_BYTES = 4;

  /** Bytes before the CRC-covered part: the length and the CRC. */
  public static final int PREFIX_BYTES = 8;

  /** Bytes from the start of a record up to and including the key length. */
  public static final int HEADER_BYTES = 28;

  /** Fixed bytes per record: everything but the key and value bytes. */
  public static final int OVERHEAD = 32;

  /** The smallest valid value of the length field (empty key and value). */
  public static final int MIN_LENGTH = OVERHEAD - LENGTH_BYTES;

  /** The largest record, so that sizes and positions fit in an {@code int}. */
  public static final int MAX_RECORD_BYTES = Integer.MAX_VALUE - 64;

  private RecordFormat() {}

  /**
   * The encoded size of a record with this key and value.
   *
   * @throws IllegalArgumentException when the record exceeds {@link #MAX_RECORD_BYTES}
   */
  public static int size(byte[] key, byte[] value) {
    return size(key == null ? -1 : key.length, value == null ? -1 : value.length);
  }

  /** {@link #size(byte[], byte[])} by lengths, -1 standing for null. */
  public static int size(int keyLength, int valueLength) {
    long size = (long) OVERHEAD + Math.max(0, keyLength) + Math.max(0, valueLength);
    if (size > MAX_RECORD_BYTES) {
      throw new IllegalArgumentException("record of " + size + " bytes is too large for the log");
    }
    return (int) size;
  }

  /**
   * Encodes a record at the buffer's position and advances it. The buffer must have {@link
   * #size(byte[], byte[])} bytes remaining.
   */
  public static void write(
      ByteBuffer buffer, CRC32C crc, long offset, long timestampMs, byte[] key, byte[] value) {
    write(buffer, crc, offset, timestampMs, new RecordBytes().set(key, value));
  }

  /**
   * Encodes a record whose key and value are slices of arrays (see {@link RecordBytes}). A heap
   * buffer is written through its array: the log's hot path, where per-field {@code ByteBuffer}
   * calls cost several times more under the launcher's C1-only JIT (ADR 0007).
   */
  public static void write(
      ByteBuffer buffer, CRC32C crc, long offset, long timestampMs, RecordBytes record) {
    if (buffer.hasArray()) {
      writeArray(buffer, crc, offset, timestampMs, record);
    } else {
      writeBuffer(buffer, crc, offset, timestampMs, record);
    }
  }

  private static void writeArray(
      ByteBuffer buffer, CRC32C crc, long offset, long timestampMs, RecordBytes record) {
    int size = size(record.keyLength(), record.valueLength());
    if (buffer.remaining() < size) {
      throw new BufferOverflowException();
    }
    byte[] a = buffer.array();
    int start = buffer.arrayOffset() + buffer.position();
    putInt(a, start, size - LENGTH_BYTES);
    putLong(a, start + PREFIX_BYTES, offset);
    putLong(a, start + PREFIX_BYTES + 8, timestampMs);
    int p =
        putBytes(
            a,
            start + PREFIX_BYTES + 16,
            record.keyBytes(),
            record.keyOffset(),
            record.keyLength());
    putBytes(a, p, record.valueBytes(), record.valueOffset(), record.valueLength());
    crc.reset();
    crc.update(a, start + PREFIX_BYTES, size - PREFIX_BYTES);
    putInt(a, start + LENGTH_BYTES, (int) crc.getValue());
    buffer.position(buffer.position() + size);
  }

  private static int putBytes(byte[] a, int at, byte[] bytes, int offset, int length) {
    putInt(a, at, length);
    if (length > 0) {
      System.arraycopy(bytes, offset, a, at + 4, length);
      return at + 4 + length;
    }
    return at + 4;
  }

  private static void putInt(byte[] a, int at, int v) {
    a[at] = (byte) (v >>> 24);
    a[at + 1] = (byte) (v >>> 16);
    a[at + 2] = (byte) (v >>> 8);
    a[at + 3] = (byte) v;
  }

  private static void putLong(byte[] a, int at, long v) {
    putInt(a, at, (int) (v >>> 32));
    putInt(a, at + 4, (int) v);
  }

  private static void writeBuffer(
      ByteBuffer buffer, CRC32C crc, long offset, long timestampMs, RecordBytes record) {
    int start = buffer.position();
    buffer.putInt(size(record.keyLength(), record.valueLength()) - LENGTH_BYTES);
    buffer.putInt(0);
    buffer.putLong(offset);
    buffer.putLong(timestampMs);
    putBytes(buffer, record.keyBytes(), record.keyOffset(), record.keyLength());
    putBytes(buffer, record.valueBytes(), record.valueOffset(), record.valueLength());
    int end = buffer.position();
    int limit = buffer.limit();
    // Moving position and limit instead of slicing keeps the hot path free of allocation.
    buffer.limit(end).position(start + PREFIX_BYTES);
    crc.reset();
    crc.update(buffer);
    buffer.limit(limit).position(end);
    buffer.putInt(start + LENGTH_BYTES, (int) crc.getValue());
  }

  private static void putBytes(ByteBuffer buffer, byte[] bytes, int offset, int length) {
    buffer.putInt(length);
    if (length > 0) {
      buffer.put(bytes, offset, length);
    }
  }
}

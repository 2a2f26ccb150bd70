package io.tributary.log.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The binary form of the checkpoint file. The file starts with a 16-byte header {@code (int64
 * magic, int64 generation)}; the generation is random per file, so a reader notices when the file
 * was replaced by a compacted one. Then come records, all big-endian:
 *
 * <pre>
 * int32 length             payload bytes
 * int32 crc                CRC-32C of the payload
 * payload:
 *   int64 sequence
 *   int64 commitTimeMs
 *   int32 + UTF-8          position
 *   int32                  stream count
 *   repeated: int32 + UTF-8 stream name, int64 end offset
 * </pre>
 */
public final class CheckpointCodec {
  /** "TRIBCKP" followed by format version 1. */
  public static final long MAGIC = 0x5452_4942_434B_5001L;

  public static final int HEADER_BYTES = 16;
  public static final int FRAME_BYTES = 8;

  private CheckpointCodec() {}

  public static ByteBuffer header(long generation) {
    return ByteBuffer.allocate(HEADER_BYTES).putLong(MAGIC).putLong(generation).flip();
  }

  /** The framed record of {@code checkpoint}, ready to write. */
  public static ByteBuffer encode(Checkpoint checkpoint) {
    byte[] position = checkpoint.position().getBytes(StandardCharsets.UTF_8);
    byte[][] names = new byte[checkpoint.ends().size()][];
    long[] ends = new long[names.length];
    int payload = 8 + 8 + 4 + position.length + 4;
    int i = 0;
    for (Map.Entry<String, Long> e : checkpoint.ends().entrySet()) {
      names[i] = e.getKey().getBytes(StandardCharsets.UTF_8);
      ends[i] = e.getValue();
      payload += 4 + names[i].length + 8;
      i++;
    }
    ByteBuffer out = ByteBuffer.allocate(FRAME_BYTES + payload);
    out.putInt(payload).putInt(0);
    out.putLong(checkpoint.sequence()).putLong(checkpoint.commitTimeMs());
    out.putInt(position.length).put(position);
    out.putInt(names.length);
    for (int j = 0; j < names.length; j++) {
      out.putInt(names[j].length).put(names[j]).putLong(ends[j]);
    }
    CRC32C crc = new CRC32C();
    crc.update(out.array(), FRAME_BYTES, payload);
    out.putInt(4, (int) crc.getValue());
    return out.flip();
  }

  /**
   * The length of the valid record starting at {@code at} in {@code bytes[0, limit)}, frame
   * included, or -1 when it is incomplete or fails its CRC.
   */
  public static int validRecordLength(byte[] bytes, int at, int limit, CRC32C crc) {
    if (limit - at < FRAME_BYTES) {
      return -1;
    }
    ByteBuffer frame = ByteBuffer.wrap(bytes, at, FRAME_BYTES);
    int length = frame.getInt();
    int stored = frame.getInt();
    if (length < 0 || length > limit - at - FRAME_BYTES) {
      return -1;
    }
    crc.reset();
    crc.update(bytes, at + FRAME_BYTES, length);
    return (int) crc.getValue() == stored ? FRAME_BYTES + length : -1;
  }

  /** Decodes the payload of a record that passed {@link #validRecordLength}. */
  public static Checkpoint decode(byte[] bytes, int at, int recordLength) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(bytes, at + FRAME_BYTES, recordLength - FRAME_BYTES);
    try {
      long sequence = in.getLong();
      long commitTime = in.getLong();
      String position = string(in);
      int count = in.getInt();
      if (count < 0) {
        throw new IOException("checkpoint record with " + count + " streams");
      }
      Map<String, Long> ends = new HashMap<>(Math.min(count, 1 << 16) * 2);
      for (int i = 0; i < count; i++) {
        ends.put(string(in), in.getLong());
      }
      return new Checkpoint(sequence, commitTime, position, ends);
    } catch (RuntimeException e) {
      // The CRC matched, so this is a record written by an incompatible version, not a torn one.
      throw new IOException("malformed checkpoint record: " + e, e);
    }
  }

  private static String string(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new IllegalArgumentException("string length " + length);
    }
    String s =
        new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return s;
  }
}

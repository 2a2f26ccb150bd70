package io.tributary.log.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Reads records one after another from a segment file, checking each one's length, CRC and layout.
 * A cursor: {@link #next()} moves to the next record and the accessors describe it until the next
 * call, so scanning allocates nothing per record unless {@link #key()} or {@link #value()} is
 * asked.
 *
 * <p>Uses positional reads only, so it never moves the channel's position and can read a file that
 * another process is appending to. Not thread-safe.
 */
public final class SegmentScanner {

  /** Why {@link #next()} returned false. */
  public enum Stop {
    /** It has not. */
    NONE,
    /** The file ends exactly after the last record. */
    END,
    /** The file ends inside a record: a write that did not finish. */
    TORN,
    /** The bytes at the position are not a valid record. */
    CORRUPT
  }

  private static final int BUFFER_BYTES = 64 * 1024;
  private static final int SHRINK_ABOVE = 1024 * 1024;

  private final CRC32C crc = new CRC32C();
  private FileChannel channel;
  private ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
  private long bufferStart;
  private long nextPosition;

  private long position;
  private int size;
  private long offset;
  private long timestampMs;
  private int keyLength;
  private int valueLength;
  private int recordStart;
  private Stop stop = Stop.NONE;
  private String problem = "";

  public SegmentScanner(FileChannel channel, long position) {
    reset(channel, position);
  }

  /** Continues on {@code channel} at {@code position}, reusing this scanner's buffer. */
  public void reset(FileChannel channel, long position) {
    this.channel = channel;
    this.nextPosition = position;
    this.bufferStart = 0;
    this.buffer.clear().limit(0);
    this.stop = Stop.NONE;
  }

  /** Continues at {@code position} of the same file, keeping what is buffered. */
  public void seek(long position) {
    this.nextPosition = position;
    this.stop = Stop.NONE;
  }

  /**
   * Forgets bytes read ahead. A reader calls this before trusting bytes beyond a newly learnt end:
   * read ahead earlier, they may belong to an append that recovery cut away and replaced since.
   */
  public void discardBuffered() {
    this.bufferStart = 0;
    this.buffer.clear().limit(0);
  }

  /**
   * Moves to the record at {@link #nextPosition()}; false when there is none (see {@link #stop()}).
   */
  public boolean next() throws IOException {
    int available = fill(nextPosition, RecordFormat.LENGTH_BYTES);
    if (available < RecordFormat.LENGTH_BYTES) {
      return halt(available == 0 ? Stop.END : Stop.TORN, "file ends inside a record's length");
    }
    int length = buffer.getInt(relative(nextPosition));
    if (length < RecordFormat.MIN_LENGTH || length > RecordFormat.MAX_RECORD_BYTES) {
      return halt(Stop.CORRUPT, "impossible record length " + length);
    }
    int total = length + RecordFormat.LENGTH_BYTES;
    if (total > buffer.capacity() && nextPosition + total > channel.size()) {
      return halt(Stop.TORN, "file ends inside a record of " + total + " bytes");
    }
    if (fill(nextPosition, total) < total) {
      return halt(Stop.TORN, "file ends inside a record of " + total + " bytes");
    }
    return decode(relative(nextPosition), total);
  }

  private boolean decode(int at, int total) {
    crc.reset();
    crc.update(buffer.array(), at + RecordFormat.PREFIX_BYTES, total - RecordFormat.PREFIX_BYTES);
    if ((int) crc.getValue() != buffer.getInt(at + RecordFormat.LENGTH_BYTES)) {
      return halt(Stop.CORRUPT, "CRC mismatch");
    }
    int keyLen = buffer.getInt(at + 24);
    if (keyLen < -1 || keyLen > total - RecordFormat.OVERHEAD) {
      return halt(Stop.CORRUPT, "impossible key length " + keyLen);
    }
    int valueLen = buffer.getInt(at + RecordFormat.HEADER_BYTES + Math.max(keyLen, 0));
    if (valueLen < -1
        || RecordFormat.OVERHEAD + Math.max(keyLen, 0) + Math.max(valueLen, 0) != total) {
      return halt(Stop.CORRUPT, "impossible value length " + valueLen);
    }
    offset = buffer.getLong(at + 8);
    timestampMs = buffer.getLong(at + 16);
    keyLength = keyLen;
    valueLength = valueLen;
    recordStart = at;
    position = nextPosition;
    size = total;
    nextPosition += total;
    stop = Stop.NONE;
    return true;
  }

  private boolean halt(Stop reason, String why) {
    stop = reason;
    problem = why;
    return false;
  }

  private int relative(long filePosition) {
    return (int) (filePosition - bufferStart);
  }

  /**
   * Makes {@code n} bytes at {@code at} available in the buffer if the file has them; returns how
   * many are.
   */
  private int fill(long at, int n) throws IOException {
    long end = bufferStart + buffer.limit();
    if (at >= bufferStart && at + n <= end) {
      return n;
    }
    ByteBuffer target = buffer;
    if (n > buffer.capacity()) {
      target = ByteBuffer.allocate(Math.max(n, buffer.capacity() * 2));
    } else if (buffer.capacity() > SHRINK_ABOVE && n <= BUFFER_BYTES) {
      target = ByteBuffer.allocate(BUFFER_BYTES);
    }
    target.clear();
    if (at >= bufferStart && at < end) {
      target.put(buffer.array(), relative(at), (int) (end - at));
    }
    buffer = target;
    bufferStart = at;
    while (buffer.position() < n) {
      if (channel.read(buffer, bufferStart + buffer.position()) <= 0) {
        break;
      }
    }
    buffer.flip();
    return Math.min(buffer.limit(), n);
  }

  /** Why the last {@link #next()} returned false. */
  public Stop stop() {
    return stop;
  }

  /** What was wrong when {@link #stop()} is {@link Stop#TORN} or {@link Stop#CORRUPT}. */
  public String problem() {
    return problem;
  }

  /** Where the record after the current one starts (or where scanning stopped). */
  public long nextPosition() {
    return nextPosition;
  }

  /** File position of the current record. */
  public long position() {
    return position;
  }

  /** Encoded size of the current record. */
  public int size() {
    return size;
  }

  public long offset() {
    return offset;
  }

  public long timestampMs() {
    return timestampMs;
  }

  /** A copy of the current record's key, or null. */
  public byte[] key() {
    return copy(recordStart + RecordFormat.HEADER_BYTES, keyLength);
  }

  /** A copy of the current record's value, or null. */
  public byte[] value() {
    return copy(recordStart + RecordFormat.HEADER_BYTES + Math.max(keyLength, 0) + 4, valueLength);
  }

  private byte[] copy(int at, int length) {
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    buffer.get(at, bytes);
    return bytes;
  }
}

package io.tributary.log.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Appends records to the active segment of a stream: encodes them into a caller-supplied write
 * buffer, writes the buffer out when it fills, and keeps the sparse index. Nothing is durable until
 * {@link #sync(ByteBuffer)}, which also drops durable bytes but the newest {@link #CACHED_BYTES}
 * from the page cache ({@link PageCache}).
 *
 * <p>The write buffer is lent by the caller on every call rather than owned, so that a log with
 * many streams shares a bounded pool of buffers; it holds only this segment's bytes between a call
 * and the next {@link #flush(ByteBuffer)}. Not thread-safe.
 */
public final class SegmentAppender implements AutoCloseable {
  private static final int PENDING_INDEX_BYTES = 4096;

  /** The newest bytes of a segment kept in the page cache once durable, for readers that follow. */
  static final long CACHED_BYTES = 4L << 20;

  /** Durable bytes are dropped from the page cache in steps of at least this much. */
  static final long DROP_STEP_BYTES = 1L << 20;

  private final Path logFile;
  private final Path indexFile;
  private final long baseOffset;
  private final int indexIntervalBytes;
  private final FileChannel log;
  private final FileChannel index;
  private final ByteBuffer pendingIndex = ByteBuffer.allocate(PENDING_INDEX_BYTES);
  private long flushedBytes;
  private long droppedTo;
  private long size;
  private long nextOffset;
  private long lastTimestampMs;
  private long lastIndexedPosition;
  private boolean unsynced;

  private SegmentAppender(
      Path dir, long baseOffset, SegmentState state, int indexIntervalBytes, boolean fresh)
      throws IOException {
    this.logFile = SegmentFiles.log(dir, baseOffset);
    this.indexFile = SegmentFiles.index(dir, baseOffset);
    this.baseOffset = baseOffset;
    this.indexIntervalBytes = indexIntervalBytes;
    // A fresh segment starts empty even if an earlier, abandoned file of that name survived.
    Set<StandardOpenOption> options =
        fresh
            ? EnumSet.of(
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)
            : EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    this.log = FileChannel.open(logFile, options);
    FileChannel idx = null;
    try {
      idx = FileChannel.open(indexFile, options);
      idx.position(idx.size());
    } catch (IOException e) {
      log.close();
      throw e;
    }
    this.index = idx;
    this.flushedBytes = state.bytes();
    this.size = state.bytes();
    this.nextOffset = state.nextOffset();
    this.lastTimestampMs = state.lastTimestampMs();
    this.lastIndexedPosition = state.lastIndexedPosition();
  }

  /**
   * What a segment holds, as found by a scan.
   *
   * @param bytes its valid length
   * @param nextOffset the offset the next record gets
   * @param lastTimestampMs the last record's timestamp, or {@code Long.MIN_VALUE} when empty
   * @param lastIndexedPosition the position of the last index entry (0 without one)
   */
  public record SegmentState(
      long bytes, long nextOffset, long lastTimestampMs, long lastIndexedPosition) {
    public static SegmentState empty(long baseOffset) {
      return new SegmentState(0, baseOffset, Long.MIN_VALUE, 0);
    }
  }

  /** Creates the files of a new, empty segment. */
  public static SegmentAppender create(Path dir, long baseOffset, int indexIntervalBytes)
      throws IOException {
    return new SegmentAppender(
        dir, baseOffset, SegmentState.empty(baseOffset), indexIntervalBytes, true);
  }

  /**
   * Continues a segment whose log was already cut to {@code state.bytes()} and whose index holds
   * entries only below it.
   */
  public static SegmentAppender reopen(
      Path dir, long baseOffset, SegmentState state, int indexIntervalBytes) throws IOException {
    return new SegmentAppender(dir, baseOffset, state, indexIntervalBytes, false);
  }

  /**
   * Encodes one record into {@code buffer}, writing out the buffer first if the record does not
   * fit. A record larger than the whole buffer is written directly.
   *
   * @param recordSize {@link RecordBytes#recordSize()} of the record
   * @return the record's offset
   */
  public long append(
      ByteBuffer buffer, CRC32C crc, long timestampMs, RecordBytes record, int recordSize)
      throws IOException {
    if (size - lastIndexedPosition >= indexIntervalBytes) {
      if (pendingIndex.remaining() < OffsetIndex.ENTRY_BYTES) {
        flushIndex();
      }
      OffsetIndex.put(pendingIndex, nextOffset - baseOffset, size);
      lastIndexedPosition = size;
    }
    if (buffer.remaining() < recordSize) {
      flush(buffer);
    }
    if (recordSize > buffer.capacity()) {
      ByteBuffer single = ByteBuffer.allocate(recordSize);
      RecordFormat.write(single, crc, nextOffset, timestampMs, record);
      writeFully(single.flip());
    } else {
      RecordFormat.write(buffer, crc, nextOffset, timestampMs, record);
    }
    size += recordSize;
    lastTimestampMs = timestampMs;
    return nextOffset++;
  }

  /** Writes the buffered bytes and pending index entries to the files (not yet durable). */
  public void flush(ByteBuffer buffer) throws IOException {
    if (buffer.position() > 0) {
      writeFully(buffer.flip());
      buffer.clear();
    }
    flushIndex();
  }

  /** Flushes and forces the log to the device; the index is left to the OS (it can be rebuilt). */
  public void sync(ByteBuffer buffer) throws IOException {
    flush(buffer);
    if (unsynced) {
      log.force(false);
      unsynced = false;
      long durableAndOld = flushedBytes - CACHED_BYTES;
      if (durableAndOld - droppedTo >= DROP_STEP_BYTES) {
        PageCache.system().drop(logFile, durableAndOld);
        droppedTo = durableAndOld;
      }
    }
  }

  /**
   * Drops all of this segment's bytes from the page cache, for a segment closed for good once
   * {@link #sync synced}: readers that follow the log read the next one.
   */
  public void dropCached() {
    PageCache.system().drop(logFile, 0);
    droppedTo = flushedBytes;
  }

  /** Forces the index too, for a segment about to be closed for good. */
  public void syncIndex() throws IOException {
    flushIndex();
    index.force(false);
  }

  private void writeFully(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      flushedBytes += log.write(bytes, flushedBytes);
    }
    unsynced = true;
  }

  private void flushIndex() throws IOException {
    if (pendingIndex.position() > 0) {
      pendingIndex.flip();
      while (pendingIndex.hasRemaining()) {
        index.write(pendingIndex);
      }
      pendingIndex.clear();
    }
  }

  public long baseOffset() {
    return baseOffset;
  }

  /** Bytes in the segment, buffered ones included. */
  public long size() {
    return size;
  }

  public long nextOffset() {
    return nextOffset;
  }

  /** The last record's timestamp, {@code Long.MIN_VALUE} when the segment is empty. */
  public long lastTimestampMs() {
    return lastTimestampMs;
  }

  public Path logFile() {
    return logFile;
  }

  public Path indexFile() {
    return indexFile;
  }

  /** Closes the files; bytes still in a caller's buffer are not written. */
  @Override
  public void close() throws IOException {
    try (log;
        index) {
      // closes both, even if one fails
    }
  }
}

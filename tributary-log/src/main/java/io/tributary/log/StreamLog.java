package io.tributary.log;

import io.tributary.log.segment.RecordBytes;
import io.tributary.log.segment.SegmentAppender;
import io.tributary.log.segment.SegmentInspector;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The writer's view of one stream: its closed segments, the active one it appends to, its end
 * offset and what of it is committed. Rolls to a new segment at the configured size and deletes old
 * segments for retention. Used only by {@link LogWriter}, on its thread.
 */
final class StreamLog implements AutoCloseable {
  /** Stands in for a write buffer when none is lent: always empty, never written to. */
  private static final ByteBuffer NO_BUFFER = ByteBuffer.allocate(0);

  private final String name;
  private final Path dir;
  private final LogSettings settings;

  /** Base offset to size in bytes, of every segment before the active one. */
  private final TreeMap<Long, Long> closedSegments;

  /** Last record timestamps of closed segments, looked up once each, for retention by age. */
  private final Map<Long, Long> lastTimestamps = new HashMap<>();

  private long closedBytes;
  private SegmentAppender active;
  private ByteBuffer buffer;
  private long end;
  private long committedEnd;
  private boolean segmentCreated;
  private boolean directoryCreated;
  private boolean rolled;

  StreamLog(
      String name,
      Path dir,
      LogSettings settings,
      TreeMap<Long, Long> closedSegments,
      SegmentAppender active,
      long end) {
    this.name = name;
    this.dir = dir;
    this.settings = settings;
    this.closedSegments = closedSegments;
    this.closedBytes = closedSegments.values().stream().mapToLong(Long::longValue).sum();
    this.active = active;
    this.end = end;
    this.committedEnd = end;
  }

  /** A stream without any record yet. */
  static StreamLog empty(String name, Path dir, LogSettings settings) {
    return new StreamLog(name, dir, settings, new TreeMap<>(), null, 0);
  }

  /** Appends a record into the lent buffer (see {@link #lend}); returns its offset. */
  long append(CRC32C crc, long timestampMs, RecordBytes record, int recordSize) throws IOException {
    try {
      if (active == null) {
        startSegment(end);
      } else if (active.size() > 0 && active.size() + recordSize > settings.segmentBytes()) {
        roll();
      }
      long offset = active.append(buffer, crc, timestampMs, record, recordSize);
      end = offset + 1;
      return offset;
    } catch (IOException e) {
      throw IoFailures.at(active == null ? dir : active.logFile(), "writing", e);
    }
  }

  private void startSegment(long baseOffset) throws IOException {
    if (Files.notExists(dir)) {
      Files.createDirectories(dir);
      directoryCreated = true;
    }
    active = SegmentAppender.create(dir, baseOffset, settings.indexIntervalBytes());
    segmentCreated = true;
  }

  /**
   * Closes the active segment for good (forced to the device, index too, so it need not be checked
   * on the next open) and starts the next one.
   */
  private void roll() throws IOException {
    SegmentAppender full = active;
    full.sync(buffer);
    full.syncIndex();
    full.dropCached();
    active = null;
    full.close();
    closedSegments.put(full.baseOffset(), full.size());
    closedBytes += full.size();
    lastTimestamps.put(full.baseOffset(), full.lastTimestampMs());
    rolled = true;
    startSegment(full.nextOffset());
  }

  /** Writes and forces everything appended, including new directory entries. */
  void sync() throws IOException {
    if (active == null) {
      return;
    }
    try {
      active.sync(buffer != null ? buffer : NO_BUFFER);
      if (segmentCreated) {
        Directories.fsync(dir);
        segmentCreated = false;
      }
      if (directoryCreated) {
        Directories.fsync(dir.getParent());
        directoryCreated = false;
      }
    } catch (IOException e) {
      throw IoFailures.at(active.logFile(), "forcing", e);
    }
  }

  boolean hasBuffer() {
    return buffer != null;
  }

  /** Lends this stream a write buffer until {@link #giveBack()}. */
  void lend(ByteBuffer writeBuffer) {
    this.buffer = writeBuffer;
  }

  /** Writes out the lent buffer and returns it. */
  ByteBuffer giveBack() throws IOException {
    ByteBuffer lent = buffer;
    if (active != null) {
      try {
        active.flush(lent);
      } catch (IOException e) {
        throw IoFailures.at(active.logFile(), "writing", e);
      }
    }
    buffer = null;
    return lent;
  }

  /** Returns the lent buffer without writing it, for a writer that discards its state. */
  ByteBuffer dropBuffer() {
    ByteBuffer lent = buffer;
    buffer = null;
    return lent;
  }

  void markCommitted() {
    committedEnd = end;
  }

  /** Whether a segment was closed since the last call. */
  boolean takeRolled() {
    boolean r = rolled;
    rolled = false;
    return r;
  }

  /**
   * Deletes the oldest closed segments while the stream is over its size limit or they are older
   * than the age limit. Must only run when everything appended is committed.
   *
   * @return how many segments were deleted
   */
  int enforce(Retention retention, long nowMs) throws IOException {
    int deleted = 0;
    while (!closedSegments.isEmpty() && expired(closedSegments.firstKey(), retention, nowMs)) {
      long base = closedSegments.firstKey();
      try {
        SegmentInspector.delete(dir, base);
      } catch (IOException e) {
        throw IoFailures.at(dir, "deleting old segment " + base + " in", e);
      }
      closedBytes -= closedSegments.remove(base);
      lastTimestamps.remove(base);
      deleted++;
    }
    return deleted;
  }

  private boolean expired(long base, Retention retention, long nowMs) throws IOException {
    if (retention.maxBytes().isPresent() && bytes() > retention.maxBytes().getAsLong()) {
      return true;
    }
    if (retention.maxAge().isEmpty()) {
      return false;
    }
    Long last = lastTimestamps.get(base);
    if (last == null) {
      last = SegmentInspector.lastTimestampMs(dir, base);
      lastTimestamps.put(base, last);
    }
    return last < nowMs - retention.maxAge().get().toMillis();
  }

  String name() {
    return name;
  }

  /** The offset the next record gets, counting uncommitted appends. */
  long end() {
    return end;
  }

  long committedEnd() {
    return committedEnd;
  }

  /** The oldest offset still held. */
  long startOffset() {
    if (!closedSegments.isEmpty()) {
      return closedSegments.firstKey();
    }
    return active == null ? end : active.baseOffset();
  }

  /** Bytes held in segments, buffered ones included. */
  long bytes() {
    return closedBytes + (active == null ? 0 : active.size());
  }

  @Override
  public void close() throws IOException {
    if (active != null) {
      active.close();
    }
  }
}

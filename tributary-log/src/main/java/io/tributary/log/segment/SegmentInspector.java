package io.tributary.log.segment;

import io.tributary.log.segment.SegmentAppender.SegmentState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks and repairs segments on the writer side: scans a segment to find where its valid,
 * consecutive records end (rebuilding its index on the way), checks whether an index is plausible,
 * and finds the last record's timestamp for time-based retention.
 */
public final class SegmentInspector {

  private SegmentInspector() {}

  /**
   * What a scan found.
   *
   * @param state the valid part: bytes, next offset, last timestamp, last index entry
   * @param stop why the scan stopped; {@link SegmentScanner.Stop#NONE} when it reached the wanted
   *     end offset
   * @param problem what was wrong at the stop, for messages
   */
  public record Scan(SegmentState state, SegmentScanner.Stop stop, String problem) {}

  /**
   * Scans the segment from its start up to the record at {@code endOffset} (exclusive) or to where
   * valid records end, and rewrites its index to cover exactly the scanned records. Records must
   * carry consecutive offsets starting at {@code baseOffset}; a gap stops the scan as corrupt.
   */
  public static Scan scanAndReindex(
      Path dir, long baseOffset, long endOffset, int indexIntervalBytes) throws IOException {
    try (FileChannel log =
            FileChannel.open(SegmentFiles.log(dir, baseOffset), StandardOpenOption.READ);
        FileChannel index =
            FileChannel.open(
                SegmentFiles.index(dir, baseOffset),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
      SegmentScanner scanner = new SegmentScanner(log, 0);
      ByteBuffer pending = ByteBuffer.allocate(4096);
      long expected = baseOffset;
      long lastTimestamp = Long.MIN_VALUE;
      long lastIndexed = 0;
      SegmentScanner.Stop stop = SegmentScanner.Stop.NONE;
      String problem = "";
      while (expected < endOffset) {
        if (!scanner.next()) {
          stop = scanner.stop();
          problem = scanner.problem();
          break;
        }
        if (scanner.offset() != expected) {
          stop = SegmentScanner.Stop.CORRUPT;
          problem = "found offset " + scanner.offset() + " where " + expected + " belongs";
          break;
        }
        if (scanner.position() - lastIndexed >= indexIntervalBytes) {
          if (pending.remaining() < OffsetIndex.ENTRY_BYTES) {
            writeAll(index, pending);
          }
          OffsetIndex.put(pending, expected - baseOffset, scanner.position());
          lastIndexed = scanner.position();
        }
        lastTimestamp = scanner.timestampMs();
        expected++;
      }
      writeAll(index, pending);
      // The scanner only moves past valid records, so its next position is where they end.
      SegmentState state =
          new SegmentState(scanner.nextPosition(), expected, lastTimestamp, lastIndexed);
      return new Scan(state, stop, problem);
    }
  }

  private static void writeAll(FileChannel channel, ByteBuffer pending) throws IOException {
    pending.flip();
    while (pending.hasRemaining()) {
      channel.write(pending);
    }
    pending.clear();
  }

  /**
   * Whether the index of a closed segment of {@code logBytes} bytes looks usable: whole entries,
   * present when the segment spans several index intervals, and a last entry that points at the
   * record it names. Cheap (two small reads), so it does not prove every entry right; readers check
   * the entry they use.
   */
  public static boolean indexLooksValid(
      Path dir, long baseOffset, long logBytes, int indexIntervalBytes) throws IOException {
    Path indexFile = SegmentFiles.index(dir, baseOffset);
    try (FileChannel index = FileChannel.open(indexFile, StandardOpenOption.READ)) {
      if (index.size() % OffsetIndex.ENTRY_BYTES != 0) {
        return false;
      }
      if (index.size() == 0) {
        return logBytes < 2L * indexIntervalBytes;
      }
      OffsetIndex.Entry last = OffsetIndex.last(index);
      return last != null
          && last.relativeOffset() > 0
          && last.position() > 0
          && last.position() < logBytes
          && offsetAt(dir, baseOffset, last.position()) == baseOffset + last.relativeOffset();
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** The offset of the record at {@code position}, or -1 when no valid record starts there. */
  public static long offsetAt(Path dir, long baseOffset, long position) throws IOException {
    try (FileChannel log =
        FileChannel.open(SegmentFiles.log(dir, baseOffset), StandardOpenOption.READ)) {
      SegmentScanner scanner = new SegmentScanner(log, position);
      return scanner.next() ? scanner.offset() : -1;
    }
  }

  /**
   * The timestamp of the segment's last record, found by scanning from its last index entry; {@code
   * Long.MIN_VALUE} when it has no valid record.
   */
  public static long lastTimestampMs(Path dir, long baseOffset) throws IOException {
    long start = 0;
    try (FileChannel index =
        FileChannel.open(SegmentFiles.index(dir, baseOffset), StandardOpenOption.READ)) {
      OffsetIndex.Entry last = OffsetIndex.last(index);
      if (last != null
          && offsetAt(dir, baseOffset, last.position()) == baseOffset + last.relativeOffset()) {
        start = last.position();
      }
    } catch (NoSuchFileException e) {
      start = 0;
    }
    try (FileChannel log =
        FileChannel.open(SegmentFiles.log(dir, baseOffset), StandardOpenOption.READ)) {
      SegmentScanner scanner = new SegmentScanner(log, start);
      long timestamp = Long.MIN_VALUE;
      while (scanner.next()) {
        timestamp = scanner.timestampMs();
      }
      return timestamp;
    }
  }

  /**
   * Deletes a segment's files, the log first: a crash in between leaves at most an index without a
   * log, which the writer removes when it opens the log.
   */
  public static void delete(Path dir, long baseOffset) throws IOException {
    Files.deleteIfExists(SegmentFiles.log(dir, baseOffset));
    Files.deleteIfExists(SegmentFiles.index(dir, baseOffset));
  }
}

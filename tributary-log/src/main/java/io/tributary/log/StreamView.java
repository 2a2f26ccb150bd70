package io.tributary.log;

import io.tributary.log.segment.OffsetIndex;
import io.tributary.log.segment.SegmentFiles;
import io.tributary.log.segment.SegmentScanner;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A reader's cursor on one stream: the segment list (cached, listed again when a segment runs out
 * or disappears) and an open segment with a scanner positioned at {@link #nextOffset}, so that
 * following a stream costs no lookups. Reads never pass the committed end they are given, so
 * records being appended, or torn by a crash, are never looked at.
 *
 * <p>Used by one {@link LogReader}, on its thread.
 */
final class StreamView implements AutoCloseable {
  /**
   * A read returns at most about this many bytes of keys and values (and at least one record),
   * whatever the record count asked: 1,000 events of 2 MB would otherwise be read at once.
   */
  static final long MAX_READ_BYTES = 8L << 20;

  private static final int ATTEMPTS = 5;

  private final Path dir;
  private long[] bases;
  private FileChannel channel;
  private long channelBase = -1;
  private SegmentScanner scanner;
  private long nextOffset = -1;

  StreamView(Path dir) {
    this.dir = dir;
  }

  /** Like {@link #earliest}, from a fresh listing rather than the cached one. */
  long earliestNow(long end) throws IOException {
    bases = null;
    return earliest(end);
  }

  /** The oldest offset the stream holds, or {@code end} when it holds none. */
  long earliest(long end) throws IOException {
    if (bases == null || (bases.length == 0 && end > 0)) {
      // a stream read before its first segment existed has committed records now: list again
      bases = SegmentFiles.list(dir);
    }
    return bases.length == 0 ? end : Math.min(bases[0], end);
  }

  ReadResult read(long from, int max, long end) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return tryRead(from, max, end);
      } catch (NoSuchFileException e) {
        // Retention deleted a segment after it was listed: list again and start from what is left.
        forget();
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private ReadResult tryRead(long from, int max, long end) throws IOException {
    long earliest = earliest(end);
    long start = Math.max(from, earliest);
    List<LogRecord> records = new ArrayList<>((int) Math.min(max, Math.max(0, end - start)));
    if (start >= end || max <= 0) {
      return new ReadResult(records, earliest, start, end);
    }
    if (start != nextOffset) {
      seek(start);
    } else {
      scanner.discardBuffered();
    }
    long bytes = 0;
    while (records.size() < max && nextOffset < end && bytes < MAX_READ_BYTES) {
      if (!scanner.next()) {
        if (scanner.stop() != SegmentScanner.Stop.END) {
          throw corrupt(scanner.nextPosition(), scanner.problem());
        }
        if (!openSegmentStartingAt(nextOffset)) {
          break; // retention removed what follows; the next read starts at the new earliest
        }
        continue;
      }
      if (scanner.offset() != nextOffset) {
        throw corrupt(
            scanner.position(),
            "found offset " + scanner.offset() + " where " + nextOffset + " belongs");
      }
      LogRecord record =
          new LogRecord(nextOffset, scanner.timestampMs(), scanner.key(), scanner.value());
      records.add(record);
      bytes += record.sizeInBytes();
      nextOffset++;
    }
    return new ReadResult(records, earliest, nextOffset, end);
  }

  /** Positions the scanner just before the record at {@code offset}, using the sparse index. */
  private void seek(long offset) throws IOException {
    nextOffset = -1;
    if (bases.length == 0 || offset >= bases[bases.length - 1]) {
      bases = SegmentFiles.list(dir); // the newest segment may have rolled since the listing
    }
    int i = Arrays.binarySearch(bases, offset);
    int floor = i >= 0 ? i : -i - 2;
    if (floor < 0) {
      // Retention deleted it since the caller computed the earliest offset; read() starts over.
      throw new NoSuchFileException(SegmentFiles.log(dir, offset).toString());
    }
    long base = bases[floor];
    open(base);
    OffsetIndex.Entry entry = OffsetIndex.lookup(SegmentFiles.index(dir, base), offset - base);
    long position = 0;
    if (entry.position() > 0) {
      scanner.seek(entry.position());
      if (scanner.next() && scanner.offset() == base + entry.relativeOffset()) {
        position = entry.position();
      }
    }
    scanner.seek(position);
    while (true) {
      long at = scanner.nextPosition();
      if (!scanner.next()) {
        throw corrupt(
            at,
            "offset " + offset + " not found in segment " + base + " (" + scanner.problem() + ")");
      }
      if (scanner.offset() == offset) {
        scanner.seek(at);
        nextOffset = offset;
        return;
      }
    }
  }

  /** Continues in the segment whose base is {@code offset}; false when retention deleted it. */
  private boolean openSegmentStartingAt(long offset) throws IOException {
    if (Arrays.binarySearch(bases, offset) < 0) {
      bases = SegmentFiles.list(dir);
    }
    if (Arrays.binarySearch(bases, offset) < 0) {
      if (bases.length > 0 && bases[0] > offset) {
        return false;
      }
      throw corrupt(
          scanner.nextPosition(),
          "segment ends before offset " + offset + " and no segment starts there");
    }
    long keep = nextOffset;
    open(offset);
    nextOffset = keep;
    return true;
  }

  private void open(long base) throws IOException {
    if (base == channelBase) {
      return;
    }
    closeChannel();
    channel = FileChannel.open(SegmentFiles.log(dir, base), StandardOpenOption.READ);
    channelBase = base;
    if (scanner == null) {
      scanner = new SegmentScanner(channel, 0);
    } else {
      scanner.reset(channel, 0);
    }
  }

  private CorruptLogException corrupt(long position, String problem) {
    Path file = SegmentFiles.log(dir, channelBase);
    forget();
    return new CorruptLogException(file, position, problem);
  }

  /** Drops the cached listing and position, for a log that changed under the reader. */
  void forget() {
    bases = null;
    nextOffset = -1;
    closeChannel();
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // read-only: nothing to lose
      }
      channel = null;
      channelBase = -1;
    }
  }

  @Override
  public void close() {
    forget();
  }
}

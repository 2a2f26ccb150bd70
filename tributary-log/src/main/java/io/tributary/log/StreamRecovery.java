package io.tributary.log;

import io.tributary.log.segment.SegmentAppender;
import io.tributary.log.segment.SegmentFiles;
import io.tributary.log.segment.SegmentInspector;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * Brings one stream's files back to its committed end when the writer opens the log: segments that
 * start at or after the end are deleted, the last remaining one is scanned (CRC and offsets
 * checked, index rebuilt) and cut right after the last committed record. Whatever lies beyond —
 * appends of a commit that never happened, a torn record, garbage — is gone afterwards.
 */
final class StreamRecovery {
  private StreamRecovery() {}

  /**
   * @throws CorruptLogException when a committed record cannot be read back
   */
  static StreamLog recover(String name, Path dir, long committedEnd, LogSettings settings)
      throws IOException {
    long[] bases = SegmentFiles.list(dir);
    removeOrphanIndexes(dir, bases);
    int kept = 0;
    for (long base : bases) {
      if (base >= committedEnd) {
        SegmentInspector.delete(dir, base);
      } else {
        kept++;
      }
    }
    if (kept == 0) {
      return new StreamLog(name, dir, settings, new TreeMap<>(), null, committedEnd);
    }
    long last = bases[kept - 1];
    SegmentAppender active = recoverLast(name, dir, last, committedEnd, settings);
    TreeMap<Long, Long> closed = new TreeMap<>();
    for (int i = 0; i < kept - 1; i++) {
      closed.put(bases[i], checkClosed(dir, bases[i], settings));
    }
    return new StreamLog(name, dir, settings, closed, active, committedEnd);
  }

  private static SegmentAppender recoverLast(
      String name, Path dir, long base, long committedEnd, LogSettings settings)
      throws IOException {
    SegmentInspector.Scan scan =
        SegmentInspector.scanAndReindex(dir, base, committedEnd, settings.indexIntervalBytes());
    if (scan.state().nextOffset() != committedEnd) {
      throw new CorruptLogException(
          SegmentFiles.log(dir, base),
          scan.state().bytes(),
          "stream '"
              + name
              + "' has records up to offset "
              + (scan.state().nextOffset() - 1)
              + " but its committed end is "
              + committedEnd
              + " ("
              + scan.problem()
              + ")");
    }
    try (FileChannel log =
        FileChannel.open(SegmentFiles.log(dir, base), StandardOpenOption.WRITE)) {
      if (log.size() > scan.state().bytes()) {
        log.truncate(scan.state().bytes());
        log.force(true);
      }
    }
    return SegmentAppender.reopen(dir, base, scan.state(), settings.indexIntervalBytes());
  }

  /** The size of a closed segment, after rebuilding its index if that looks wrong. */
  private static long checkClosed(Path dir, long base, LogSettings settings) throws IOException {
    long bytes = Files.size(SegmentFiles.log(dir, base));
    if (!SegmentInspector.indexLooksValid(dir, base, bytes, settings.indexIntervalBytes())) {
      // A damaged closed segment is left for readers to report: the writer never reads it again.
      SegmentInspector.scanAndReindex(dir, base, Long.MAX_VALUE, settings.indexIntervalBytes());
    }
    return bytes;
  }

  private static void removeOrphanIndexes(Path dir, long[] logBases) throws IOException {
    for (long base : SegmentFiles.listIndexes(dir)) {
      if (Arrays.binarySearch(logBases, base) < 0) {
        Files.deleteIfExists(SegmentFiles.index(dir, base));
      }
    }
  }
}

package io.tributary.postgres.capture;

import io.tributary.log.LogDestination;
import io.tributary.log.LogReader;
import io.tributary.log.LogRecord;
import io.tributary.log.ReadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opens and reads the real embedded log for the capture tests. */
final class LogTestSupport {
  private LogTestSupport() {}

  static LogDestination open(Path dir) {
    return LogDestination.open(dir);
  }

  /**
   * Every committed record value of {@code stream}, in order; empty when the stream does not exist.
   */
  static List<byte[]> readAll(Path dir, String stream) {
    try (LogReader reader = LogReader.open(dir)) {
      List<byte[]> out = new ArrayList<>();
      if (!reader.streams().contains(stream)) {
        return out;
      }
      long next = reader.earliestOffset(stream);
      while (true) {
        ReadResult r = reader.read(stream, next, 10_000);
        for (LogRecord rec : r.records()) {
          out.add(rec.value());
        }
        next = r.nextOffset();
        if (r.caughtUp() || r.records().isEmpty()) {
          return out;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

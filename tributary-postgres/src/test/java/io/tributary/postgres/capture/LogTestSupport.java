package io.tributary.postgres.capture;

import io.tributary.log.LogDestination;
import io.tributary.log.LogReader;
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
      reader.forEach(stream, r -> out.add(r.value()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

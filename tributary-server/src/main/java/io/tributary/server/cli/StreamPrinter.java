package io.tributary.server.cli;

import io.tributary.log.LogReader;
import io.tributary.log.LogRecord;
import io.tributary.log.ReadResult;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Prints a stream's events as JSON lines, one envelope (the record's value, byte for byte) per
 * line, flushing after each read so a follower sees events as soon as they are committed. Stops at
 * a given offset, after a number of events, when asked, or when nobody reads the output any more (a
 * closed pipe). Not thread-safe.
 */
final class StreamPrinter {
  /** Follow the stream forever: there is no offset to stop at. */
  static final long FOREVER = Long.MAX_VALUE;

  private static final int BATCH = 1000;
  private static final Duration WAIT = Duration.ofMillis(200);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  private final LogReader reader;
  private final String stream;
  private final PrintStream out;
  private final OutputStream buffer;
  private long next;
  private long printed;

  StreamPrinter(LogReader reader, String stream, PrintStream out, long from) {
    this.reader = reader;
    this.stream = stream;
    this.out = out;
    this.buffer = new BufferedOutputStream(out, 64 * 1024);
    this.next = from;
  }

  /**
   * Prints until offset {@code until} (exclusive; {@link #FOREVER} to follow), until {@code max}
   * events were printed in all, or until {@code stopped} says so, waiting for new commits as
   * needed.
   *
   * @return false when the output was closed by its reader (e.g. {@code | head})
   */
  boolean print(long until, long max, BooleanSupplier stopped)
      throws IOException, InterruptedException {
    while (next < until && printed < max && !stopped.getAsBoolean()) {
      int n = (int) Math.min(BATCH, Math.min(until - next, max - printed));
      ReadResult result = reader.poll(stream, next, n, WAIT);
      for (LogRecord r : result.records()) {
        buffer.write(r.value() == null ? NULL : r.value());
        buffer.write('\n');
      }
      printed += result.records().size();
      next = result.nextOffset();
      buffer.flush();
      if (out.checkError()) {
        return false;
      }
    }
    return true;
  }

  /** The offset the next event will be read from. */
  long next() {
    return next;
  }

  long printed() {
    return printed;
  }
}

package io.tributary.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.log.LogReader;
import io.tributary.log.LogRecord;
import io.tributary.log.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntToDoubleFunction;

/**
 * Reads one stream of a log as fast as committed events appear and notes, for each row id, when its
 * event first became visible and its commit time ({@code source.ts_ms}). Its own thread reads; the
 * arrays are read by others only after {@link #close()} joined it, or through {@link #seen()}.
 */
final class VisibilityPoller implements AutoCloseable {
  /** Time between two looks at the log when nothing new was committed. */
  static final Duration POLL_INTERVAL = Duration.ofNanos(200_000);

  private static final int MAX_RECORDS = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path logDirectory;
  private final String stream;
  private final long[] commitMs;
  private final long[] processedMs;
  private final long[] visibleMicros;
  private final AtomicLong seen = new AtomicLong();
  private final Thread thread;
  private volatile boolean stopped;
  private volatile Exception failure;

  /**
   * @param maxId the highest row id expected
   */
  VisibilityPoller(Path logDirectory, String stream, int maxId) {
    this.logDirectory = logDirectory;
    this.stream = stream;
    this.commitMs = new long[maxId + 1];
    this.processedMs = new long[maxId + 1];
    this.visibleMicros = new long[maxId + 1];
    this.thread = Thread.ofPlatform().name("visibility-poller").unstarted(this::loop);
  }

  void start() {
    thread.start();
  }

  /** Distinct row ids seen so far. */
  long seen() throws IOException {
    rethrow();
    return seen.get();
  }

  /** Waits until {@code count} distinct ids were seen; false on timeout. */
  boolean awaitSeen(long count, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (seen() < count) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /**
   * Milliseconds from commit to visibility of ids {@code from..to}; call after {@link #close()}.
   */
  double[] latenciesMs(long from, long to) {
    return span(from, to, id -> visibleMicros[id] / 1000.0 - commitMs[id]);
  }

  /**
   * Milliseconds from commit until Tributary processed the event (the envelope's {@code ts_ms}, the
   * record's timestamp): the source's share of the latency.
   */
  double[] commitToProcessedMs(long from, long to) {
    return span(from, to, id -> processedMs[id] - commitMs[id]);
  }

  /**
   * Milliseconds from processing until visible: queueing, writing, fsync, commit and this poller.
   */
  double[] processedToVisibleMs(long from, long to) {
    return span(from, to, id -> visibleMicros[id] / 1000.0 - processedMs[id]);
  }

  private double[] span(long from, long to, IntToDoubleFunction ms) {
    double[] out = new double[(int) (to - from + 1)];
    for (long id = from; id <= to; id++) {
      if (visibleMicros[(int) id] == 0) {
        throw new IllegalStateException("row " + id + " never became visible in the log");
      }
      out[(int) (id - from)] = ms.applyAsDouble((int) id);
    }
    return out;
  }

  private void loop() {
    try (LogReader reader = LogReader.open(logDirectory)) {
      long next = 0;
      while (!stopped) {
        // A stream must not be read before its first commit: the reader would cache its empty
        // segment listing and then skip the records that follow.
        ReadResult r =
            next == 0 && reader.endOffset(stream) == 0
                ? null
                : reader.read(stream, next, MAX_RECORDS);
        long now = epochMicros();
        if (r == null || r.records().isEmpty()) {
          LockSupport.parkNanos(POLL_INTERVAL.toNanos());
          continue;
        }
        for (LogRecord record : r.records()) {
          note(record, now);
        }
        next = r.nextOffset();
      }
    } catch (IOException | RuntimeException e) {
      failure =
          e instanceof IOException io ? io : new IOException("reading " + stream + " failed", e);
    }
  }

  private void note(LogRecord record, long nowMicros) throws IOException {
    JsonNode value = JSON.readTree(record.value());
    int id = (int) value.path("after").path("id").asLong(-1);
    if (id < 0 || id >= commitMs.length) {
      throw new IOException(
          "unexpected event in "
              + stream
              + " at offset "
              + record.offset()
              + ": "
              + new String(record.value(), StandardCharsets.UTF_8));
    }
    if (visibleMicros[id] == 0) {
      commitMs[id] = value.path("source").path("ts_ms").asLong();
      processedMs[id] = record.timestampMs();
      visibleMicros[id] = nowMicros;
      seen.incrementAndGet();
    }
  }

  private static long epochMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  private void rethrow() throws IOException {
    if (failure != null) {
      throw new IOException("the visibility poller failed: " + failure.getMessage(), failure);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    stopped = true;
    thread.join();
    rethrow();
  }
}

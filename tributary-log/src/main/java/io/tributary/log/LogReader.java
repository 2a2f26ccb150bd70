package io.tributary.log;

import io.tributary.log.checkpoint.Checkpoint;
import io.tributary.log.checkpoint.CheckpointScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a log directory, also from another process than the writer's and while it appends. Only
 * committed records are returned: every read first looks at the checkpoint file (one {@code stat}
 * when nothing changed) to learn each stream's committed end, and never reads past it. A record
 * below that end is on disk, complete, before its checkpoint is appended, so it can be read.
 *
 * <p>Holds at most a few open segment files (one per recently read stream), so memory stays bounded
 * however large the log. Not thread-safe: use one reader per thread.
 */
public final class LogReader implements AutoCloseable {
  private static final int MAX_OPEN_STREAMS = 16;
  private static final long MAX_POLL_SLEEP_MS = 25;

  private final LogLayout layout;
  private final CheckpointScanner checkpoints;
  private final Map<String, StreamView> views =
      new LinkedHashMap<>(MAX_OPEN_STREAMS * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StreamView> eldest) {
          if (size() > MAX_OPEN_STREAMS) {
            eldest.getValue().close();
            return true;
          }
          return false;
        }
      };
  private long lastSequence;

  private LogReader(LogLayout layout) {
    this.layout = layout;
    this.checkpoints = new CheckpointScanner(layout.checkpoints());
  }

  /** A reader of the log in {@code dir}; the log need not exist yet. */
  public static LogReader open(Path dir) throws IOException {
    LogReader reader = new LogReader(new LogLayout(dir));
    reader.refresh();
    return reader;
  }

  /** Names of the streams with committed records, sorted. */
  public List<String> streams() throws IOException {
    refresh();
    return latest().map(c -> c.ends().keySet().stream().sorted().toList()).orElse(List.of());
  }

  /** The source position of the last commit, or empty before the first. */
  public Optional<String> committedPosition() throws IOException {
    refresh();
    return latest().map(Checkpoint::position);
  }

  /** The committed end of {@code stream}: one past its last readable offset, 0 when unknown. */
  public long endOffset(String stream) throws IOException {
    refresh();
    return committedEnd(stream);
  }

  /** The oldest offset {@code stream} still holds (retention deletes older ones). */
  public long earliestOffset(String stream) throws IOException {
    refresh();
    return view(stream).earliestNow(committedEnd(stream));
  }

  /**
   * Up to {@code maxRecords} committed records of {@code stream} from {@code fromOffset} on (or
   * from the earliest offset still held, if that is later), fewer once they take about 8 MiB, so
   * that large records are not read a thousand at a time. Returns at once, with no records when
   * there are none yet.
   *
   * @throws CorruptLogException when a committed record cannot be read back
   */
  public ReadResult read(String stream, long fromOffset, int maxRecords) throws IOException {
    if (fromOffset < 0 || maxRecords < 0) {
      throw new IllegalArgumentException("negative offset or count");
    }
    refresh();
    return view(stream).read(fromOffset, maxRecords, committedEnd(stream));
  }

  /**
   * Hands every record of {@code stream} the log holds, oldest first, up to the committed end as of
   * this call, to {@code action}; nothing for a stream that does not exist.
   */
  public void forEach(String stream, Consumer<LogRecord> action) throws IOException {
    if (!streams().contains(stream)) {
      return;
    }
    long next = earliestOffset(stream);
    long end = endOffset(stream);
    while (next < end) {
      ReadResult r = read(stream, next, (int) Math.min(10_000, end - next));
      if (r.records().isEmpty()) {
        return;
      }
      r.records().forEach(action);
      next = r.nextOffset();
    }
  }

  /**
   * Like {@link #read}, but when there is nothing to read yet, waits up to {@code timeout} for a
   * commit that brings some.
   */
  public ReadResult poll(String stream, long fromOffset, int maxRecords, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      ReadResult result = read(stream, fromOffset, maxRecords);
      long left = deadline - System.nanoTime();
      if (!result.records().isEmpty() || left <= 0 || !awaitCommit(Duration.ofNanos(left))) {
        return result;
      }
    }
  }

  /**
   * Waits up to {@code timeout} for a new commit, by watching the checkpoint file's identity, size
   * and modification time (a short sleep between looks, growing to {@value #MAX_POLL_SLEEP_MS} ms).
   *
   * @return true when a commit arrived since the last look, false on timeout
   */
  public boolean awaitCommit(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long sleepMs = 1;
    while (!refresh()) {
      long leftNanos = deadline - System.nanoTime();
      if (leftNanos <= 0) {
        return false;
      }
      long leftMs = (leftNanos + 999_999) / 1_000_000;
      Thread.sleep(Math.min(sleepMs, leftMs));
      sleepMs = Math.min(sleepMs * 2, MAX_POLL_SLEEP_MS);
    }
    return true;
  }

  private boolean refresh() throws IOException {
    boolean changed = checkpoints.refresh();
    long sequence = latest().map(Checkpoint::sequence).orElse(0L);
    if (sequence < lastSequence) {
      // The log was replaced (deleted and started over): cached positions mean nothing now.
      views.values().forEach(StreamView::close);
      views.clear();
    }
    lastSequence = sequence;
    return changed;
  }

  private Optional<Checkpoint> latest() {
    return checkpoints.latest();
  }

  private long committedEnd(String stream) {
    return latest().map(c -> c.end(stream)).orElse(0L);
  }

  private StreamView view(String stream) {
    StreamView view = views.get(stream);
    if (view == null) {
      view = new StreamView(layout.stream(stream));
      views.put(stream, view);
    }
    return view;
  }

  @Override
  public void close() {
    views.values().forEach(StreamView::close);
    views.clear();
  }
}

package io.tributary.bench;

import io.tributary.log.LogReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Follows how many events of one stream a Tributary run has committed, as any reader of its log
 * sees them, and fails a run that stops making progress or dies.
 */
final class CommitWatch implements AutoCloseable {
  /** A run that commits nothing new for this long is considered stuck. */
  static final Duration STALL = Duration.ofSeconds(120);

  private static final Duration LOOK_EVERY = Duration.ofMillis(50);

  private final LogReader reader;
  private final String stream;
  private double firstEventSeconds = Double.NaN;
  private long firstCommitEvents;

  CommitWatch(Path logDirectory, String stream) throws IOException {
    this.reader = LogReader.open(logDirectory);
    this.stream = stream;
  }

  /** Events of the stream committed so far. */
  long committed() throws IOException {
    return reader.endOffset(stream);
  }

  /** Events of the stream committed so far, noting when {@code run} committed its first. */
  long committed(TributaryRun run) throws IOException {
    long n = committed();
    if (n > 0 && Double.isNaN(firstEventSeconds)) {
      firstEventSeconds = run.elapsedSeconds();
      firstCommitEvents = n;
    }
    return n;
  }

  /** How many events the first commit seen held. */
  long firstCommitEvents() {
    return firstCommitEvents;
  }

  /** Seconds into the run when the first event was seen committed, NaN before. */
  double firstEventSeconds() {
    return firstEventSeconds;
  }

  /**
   * Waits until {@code expected} events are committed, while {@code run} is alive.
   *
   * @return the run's elapsed seconds when they were seen
   */
  double awaitCommitted(long expected, TributaryRun run) throws IOException, InterruptedException {
    long progress = -1;
    long progressAt = System.nanoTime();
    while (true) {
      long n = committed(run);
      if (n >= expected) {
        return run.elapsedSeconds();
      }
      if (!run.isAlive()) {
        throw run.failure("tributary exited after committing " + n + " of " + expected + " events");
      }
      if (n != progress) {
        progress = n;
        progressAt = System.nanoTime();
      } else if (System.nanoTime() - progressAt > STALL.toNanos()) {
        throw run.failure(
            "tributary committed nothing new for "
                + STALL.toSeconds()
                + " s, at "
                + n
                + " of "
                + expected
                + " events");
      }
      reader.awaitCommit(LOOK_EVERY);
    }
  }

  @Override
  public void close() {
    reader.close();
  }
}

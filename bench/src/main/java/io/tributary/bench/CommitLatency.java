package io.tributary.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * (c) Commit-to-durable latency: while Tributary streams, a load generator commits single-row
 * transactions at a steady rate and a poller in this JVM notes when each event becomes visible to a
 * reader of the committed log. Latency = visible − commit time ({@code source.ts_ms}).
 */
final class CommitLatency {
  static final String TABLE = "latency_t";
  static final String PUBLICATION = "bench_latency";
  static final String SLOT = "bench_latency";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);

  /**
   * @param latencies of the measured window's events
   * @param toProcessed their commit-to-processing part (source side)
   * @param toVisible their processing-to-visible part (queue, write, fsync, reader)
   * @param load what the generator achieved
   * @param tributary Tributary's whole run: start, warm-up, measured window, drain
   */
  record Result(
      Latencies latencies,
      Latencies toProcessed,
      Latencies toVisible,
      LoadGenerator.Outcome load,
      RunFigures tributary) {}

  private final BenchDatabase db;
  private final Distribution distribution;
  private final Workspace workspace;
  private final BenchOptions options;

  CommitLatency(
      BenchDatabase db, Distribution distribution, Workspace workspace, BenchOptions options) {
    this.db = db;
    this.distribution = distribution;
    this.workspace = workspace;
    this.options = options;
  }

  Result run() throws Exception {
    db.execute(
        "CREATE TABLE "
            + TABLE
            + " (id int8 PRIMARY KEY, payload text NOT NULL, "
            + "created_at timestamptz NOT NULL DEFAULT now())",
        "CREATE PUBLICATION " + PUBLICATION + " FOR TABLE " + TABLE);
    db.createSlot(SLOT);
    long warmup = (long) options.tps() * options.warmupSeconds();
    long measured = (long) options.tps() * options.latencySeconds();
    long lastId = warmup + measured; // id 0 is the marker that shows streaming has begun
    PipelineFile pipeline =
        new PipelineFile("latency", TABLE, "never", SLOT, PUBLICATION, workspace.directory("logs"));
    Path file = pipeline.write(db, workspace.root());
    try (TributaryRun run = TributaryRun.start(distribution, file, workspace)) {
      VisibilityPoller poller =
          new VisibilityPoller(pipeline.logDirectory(), pipeline.stream(), (int) lastId);
      poller.start();
      try {
        awaitStreaming(run, poller);
        Progress.say(
            "(c) tributary streams; %,d tps for %d s warm-up + %d s measured",
            options.tps(), options.warmupSeconds(), options.latencySeconds());
        LoadGenerator.Outcome load =
            new LoadGenerator(db, options.tps()).run(TABLE, 1, warmup, measured);
        if (!poller.awaitSeen(lastId + 1, DRAIN_TIMEOUT)) {
          throw run.failure(
              "only "
                  + poller.seen()
                  + " of "
                  + (lastId + 1)
                  + " events became visible within "
                  + DRAIN_TIMEOUT.toSeconds()
                  + " s after the load ended");
        }
        double seconds = run.elapsedSeconds();
        ProcStats stats = run.stats();
        int exit = run.stop();
        poller.close();
        Latencies latencies = Latencies.of(poller.latenciesMs(warmup + 1, lastId));
        Progress.say(
            "(c) p50 %.2f ms, p99 %.2f ms, max %.2f ms at %.0f tps",
            latencies.p50Ms(), latencies.p99Ms(), latencies.maxMs(), load.achievedTps());
        return new Result(
            latencies,
            Latencies.of(poller.commitToProcessedMs(warmup + 1, lastId)),
            Latencies.of(poller.processedToVisibleMs(warmup + 1, lastId)),
            load,
            new RunFigures(lastId + 1, seconds, stats, exit));
      } finally {
        poller.close();
      }
    }
  }

  /** Inserts the marker row until it shows up in the log: Tributary then streams. */
  private void awaitStreaming(TributaryRun run, VisibilityPoller poller) throws Exception {
    db.execute("INSERT INTO " + TABLE + " (id, payload) VALUES (0, 'marker')");
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!poller.awaitSeen(1, Duration.ofMillis(100))) {
      if (!run.isAlive()) {
        throw run.failure("tributary exited before streaming the first event");
      }
      if (System.nanoTime() > deadline) {
        throw run.failure(
            "the first event did not appear in the log within " + START_TIMEOUT.toSeconds() + " s");
      }
    }
  }
}

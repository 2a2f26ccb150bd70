package io.tributary.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * (b) Snapshot: {@code psql \copy} of the whole table to {@code /dev/null}, against Tributary's
 * {@code snapshot: initial_only} run from start to its exit.
 */
final class SnapshotCopy {
  static final String TABLE = "snap_t";
  static final String PUBLICATION = "bench_snapshot";
  static final String SLOT = "bench_snapshot";
  private static final Duration BASELINE_TIMEOUT = Duration.ofMinutes(30);
  private static final Duration LOOK_EVERY = Duration.ofMillis(200);

  /** How often the log is looked at until the first event shows, to time the start-up. */
  private static final Duration LOOK_FOR_FIRST = Duration.ofMillis(5);

  /**
   * @param rows rows in the table
   * @param loadSeconds how long filling and vacuuming the table took
   * @param copySeconds psql's time
   * @param tributary Tributary's run until it exited
   * @param finalEvents events in the log after it exited (should equal {@code rows})
   * @param firstEventSeconds seconds into Tributary's run when its first commit was seen
   * @param firstCommitEvents events that first commit held
   */
  record Result(
      long rows,
      double loadSeconds,
      double copySeconds,
      RunFigures tributary,
      long finalEvents,
      double firstEventSeconds,
      long firstCommitEvents) {

    double ratio() {
      return copySeconds / tributary.seconds();
    }

    /**
     * Tributary's rate after its first chunk was committed (start-up and first chunk left out) over
     * psql's whole-run rate: not the target's measure, shown to tell start-up from copying.
     */
    double rateRatioAfterFirstChunk() {
      double copying = tributary.seconds() - firstEventSeconds;
      if (!(copying > 0)) {
        return Double.NaN;
      }
      return ((rows - firstCommitEvents) / copying) / (rows / copySeconds);
    }
  }

  private final BenchDatabase db;
  private final Distribution distribution;
  private final Workspace workspace;
  private final long rows;

  SnapshotCopy(BenchDatabase db, Distribution distribution, Workspace workspace, long rows) {
    this.db = db;
    this.distribution = distribution;
    this.workspace = workspace;
    this.rows = rows;
  }

  Result run() throws Exception {
    Progress.say("(b) filling %s with %,d rows", TABLE, rows);
    long start = System.nanoTime();
    db.execute(
        "CREATE TABLE "
            + TABLE
            + " (id int8 PRIMARY KEY, name text NOT NULL, amount numeric(12,2) NOT NULL, "
            + "created_at timestamptz NOT NULL)",
        "INSERT INTO "
            + TABLE
            + " SELECT g, 'customer-' || g, (g % 100000) / 100.0, "
            + "timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second' FROM generate_series(1, "
            + rows
            + ") g",
        // sets hint bits and the visibility map now, so that neither reader pays for it
        "VACUUM (ANALYZE) " + TABLE,
        "CREATE PUBLICATION " + PUBLICATION + " FOR TABLE " + TABLE);
    double loadSeconds = (System.nanoTime() - start) / 1e9;
    Progress.say("(b) table ready in %.1f s; psql \\copy reads it", loadSeconds);
    double copy =
        ClientTool.timed(copyCommand(), db.clientEnvironment(), workspace, BASELINE_TIMEOUT);
    Progress.say("(b) psql \\copy: %.2f s; tributary snapshots it", copy);
    return tributary(loadSeconds, copy);
  }

  private List<String> copyCommand() {
    List<String> command =
        new ArrayList<>(
            List.of(
                ClientTool.BIN.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1"));
    command.addAll(db.clientArguments());
    command.addAll(List.of("-c", "\\copy (SELECT * FROM " + TABLE + ") TO /dev/null"));
    return command;
  }

  private Result tributary(double loadSeconds, double copy) throws Exception {
    PipelineFile pipeline =
        new PipelineFile(
            "snapshot", TABLE, "initial_only", SLOT, PUBLICATION, workspace.directory("logs"));
    Path file = pipeline.write(db, workspace.root());
    try (TributaryRun run = TributaryRun.start(distribution, file, workspace);
        CommitWatch watch = new CommitWatch(pipeline.logDirectory(), pipeline.stream())) {
      int exit = awaitExit(run, watch);
      double seconds = run.elapsedSeconds();
      ProcStats stats = run.stats();
      if (exit != 0) {
        throw run.failure("tributary's initial_only snapshot exited with code " + exit);
      }
      long written = watch.committed();
      Progress.say("(b) tributary: %.2f s, %,d events, exit %d", seconds, written, exit);
      return new Result(
          rows,
          loadSeconds,
          copy,
          new RunFigures(rows, seconds, stats, exit),
          written,
          watch.firstEventSeconds(),
          watch.firstCommitEvents());
    }
  }

  /** Waits for the run to exit on its own, failing it when its log stops growing for too long. */
  private static int awaitExit(TributaryRun run, CommitWatch watch) throws Exception {
    long progress = -1;
    long progressAt = System.nanoTime();
    while (true) {
      try {
        return run.awaitExit(Double.isNaN(watch.firstEventSeconds()) ? LOOK_FOR_FIRST : LOOK_EVERY);
      } catch (TimeoutException stillRunning) {
        long n = watch.committed(run);
        if (n != progress) {
          progress = n;
          progressAt = System.nanoTime();
        } else if (System.nanoTime() - progressAt > CommitWatch.STALL.toNanos()) {
          throw run.failure(
              "tributary's snapshot committed nothing new for "
                  + CommitWatch.STALL.toSeconds()
                  + " s, at "
                  + n
                  + " events");
        }
      }
    }
  }
}

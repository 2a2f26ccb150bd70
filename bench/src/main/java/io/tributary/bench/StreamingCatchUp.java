package io.tributary.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * (a) Streaming catch-up: a backlog of inserts, updates and deletes waits in two slots created
 * before it; pg_recvlogical drains one to {@code /dev/null}, Tributary the other into its log.
 */
final class StreamingCatchUp {
  static final String TABLE = "stream_t";
  static final String PUBLICATION = "bench_stream";
  static final String BASELINE_SLOT = "bench_recvlogical";
  static final String TRIBUTARY_SLOT = "bench_tributary";
  static final int TRANSACTION_ROWS = 10_000;
  private static final Duration BASELINE_TIMEOUT = Duration.ofMinutes(30);

  /**
   * @param events events in the backlog
   * @param backlogSeconds how long generating the backlog took
   * @param recvlogicalSeconds pg_recvlogical's time to the end LSN
   * @param tributary Tributary's run until all events were committed
   * @param firstEventSeconds seconds into Tributary's run when its first event was committed
   * @param finalEvents events in the log after Tributary stopped (should equal {@code events})
   */
  record Result(
      long events,
      double backlogSeconds,
      double recvlogicalSeconds,
      RunFigures tributary,
      double firstEventSeconds,
      long finalEvents) {

    double ratio() {
      return recvlogicalSeconds / tributary.seconds();
    }
  }

  private final BenchDatabase db;
  private final Distribution distribution;
  private final Workspace workspace;
  private final BenchOptions options;

  StreamingCatchUp(
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
            + " (id int8 PRIMARY KEY, name text NOT NULL, amount numeric(12,2) NOT NULL, "
            + "updated_at timestamptz NOT NULL)",
        "CREATE PUBLICATION " + PUBLICATION + " FOR TABLE " + TABLE);
    db.createSlot(BASELINE_SLOT);
    db.createSlot(TRIBUTARY_SLOT);
    Progress.say(
        "(a) generating the backlog: %,d inserts, %,d updates, %,d deletes",
        options.rows(), options.updates(), options.deletes());
    long start = System.nanoTime();
    generateBacklog();
    double backlogSeconds = (System.nanoTime() - start) / 1e9;
    String end = db.currentLsn();
    Progress.say(
        "(a) backlog done in %.1f s, end LSN %s; pg_recvlogical drains it", backlogSeconds, end);
    double baseline =
        ClientTool.timed(recvlogical(end), db.clientEnvironment(), workspace, BASELINE_TIMEOUT);
    Progress.say("(a) pg_recvlogical: %.2f s; tributary drains it", baseline);
    return tributary(backlogSeconds, baseline);
  }

  private void generateBacklog() throws SQLException {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      inChunks(
          c,
          "INSERT INTO "
              + TABLE
              + " (id, name, amount, updated_at) SELECT g, 'customer-' || g, "
              + "(g % 100000) / 100.0, now() FROM generate_series(?::int8, ?::int8) g",
          1,
          options.rows());
      inChunks(
          c,
          "UPDATE "
              + TABLE
              + " SET amount = amount + 1, updated_at = now() WHERE id BETWEEN ? AND ?",
          1,
          options.updates());
      inChunks(
          c,
          "DELETE FROM " + TABLE + " WHERE id BETWEEN ? AND ?",
          options.rows() - options.deletes() + 1,
          options.rows());
    }
  }

  /**
   * Runs {@code sql} for ids {@code from..to} in transactions of {@value #TRANSACTION_ROWS} rows.
   */
  private static void inChunks(Connection c, String sql, long from, long to) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      for (long low = from; low <= to; low += TRANSACTION_ROWS) {
        long high = Math.min(to, low + TRANSACTION_ROWS - 1);
        st.setLong(1, low);
        st.setLong(2, high);
        int changed = st.executeUpdate();
        if (changed != high - low + 1) {
          throw new SQLException(
              "expected " + (high - low + 1) + " rows changed by " + sql + ", got " + changed);
        }
        c.commit();
      }
    }
  }

  private List<String> recvlogical(String endLsn) {
    List<String> command =
        new ArrayList<>(List.of(ClientTool.BIN.resolve("pg_recvlogical").toString()));
    command.addAll(db.clientArguments());
    command.addAll(
        List.of(
            "--slot",
            BASELINE_SLOT,
            "--start",
            "--no-loop",
            "-o",
            "proto_version=1",
            "-o",
            "publication_names=" + PUBLICATION,
            "--endpos",
            endLsn,
            "-f",
            "/dev/null"));
    return command;
  }

  private Result tributary(double backlogSeconds, double baseline) throws Exception {
    long events = options.backlogEvents();
    PipelineFile pipeline =
        new PipelineFile(
            "stream", TABLE, "never", TRIBUTARY_SLOT, PUBLICATION, workspace.directory("logs"));
    Path file = pipeline.write(db, workspace.root());
    try (TributaryRun run = TributaryRun.start(distribution, file, workspace);
        CommitWatch watch = new CommitWatch(pipeline.logDirectory(), pipeline.stream())) {
      double seconds = watch.awaitCommitted(events, run);
      ProcStats stats = run.stats();
      int exit = run.stop();
      RunFigures figures = new RunFigures(events, seconds, stats, exit);
      Progress.say(
          "(a) tributary: %.2f s (first event after %.2f s), exit %d",
          seconds, watch.firstEventSeconds(), exit);
      return new Result(
          events, backlogSeconds, baseline, figures, watch.firstEventSeconds(), watch.committed());
    }
  }
}

package io.tributary.bench;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's result as Markdown: a header stating machine, software and sizes, the table of
 * figures against their baselines and targets, each Tributary run's resources, and how each figure
 * was measured. Every number comes from the results given; nothing is filled in.
 *
 * @param started when the run began
 * @param machine the machine
 * @param loadBefore load averages when the run began
 * @param loadAfter load averages when it ended
 * @param postgres the server's version and settings
 * @param options what was measured
 * @param streaming (a)
 * @param snapshot (b)
 * @param latency (c)
 */
record Report(
    ZonedDateTime started,
    Machine machine,
    String loadBefore,
    String loadAfter,
    String postgres,
    List<String> tributaryOptions,
    BenchOptions options,
    StreamingCatchUp.Result streaming,
    SnapshotCopy.Result snapshot,
    CommitLatency.Result latency) {

  static final double STREAMING_RATIO_TARGET = 1.5;
  static final double SNAPSHOT_RATIO_TARGET = 0.5;
  static final double P99_TARGET_MS = 10;
  static final double RSS_TARGET_MIB = 200;
  static final double CPU_TARGET_PER_MILLION = 5;

  String render() {
    StringBuilder md = new StringBuilder();
    header(md);
    figures(md);
    resources(md);
    notes(md);
    return md.toString();
  }

  private void header(StringBuilder md) {
    md.append("# Tributary benchmark, ")
        .append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")))
        .append("\n\n");
    md.append("- Machine: ").append(machine.summary()).append('\n');
    md.append("- Load average (1/5/15 min): ")
        .append(loadBefore)
        .append(" at start, ")
        .append(loadAfter)
        .append(" at end\n");
    md.append("- Server: ").append(postgres).append('\n');
    md.append("- Tributary: the CLI (`tributary run`) in a child JVM with ")
        .append(String.join(" ", tributaryOptions))
        .append(", default pipeline settings, log on the same disk\n");
    md.append(
        f(
            "- Command: `bench/run.sh --rows %d --updates %d --deletes %d --snapshot-rows %d --tps %d "
                + "--latency-seconds %d --warmup-seconds %d`%n%n",
            options.rows(),
            options.updates(),
            options.deletes(),
            options.snapshotRows(),
            options.tps(),
            options.latencySeconds(),
            options.warmupSeconds()));
  }

  private void figures(StringBuilder md) {
    md.append("| Measurement | Baseline | Tributary | Ratio | Target | Met |\n");
    md.append("|---|---|---|---|---|---|\n");
    RunFigures a = streaming.tributary();
    md.append(
        f(
            "| (a) Streaming catch-up, %,d events (%,d inserts, %,d updates, %,d deletes) "
                + "| pg_recvlogical: %.2f s, %,.0f events/s | %.2f s, %,.0f events/s | %.2f | ≥ %.1f | %s |%n",
            streaming.events(),
            options.rows(),
            options.updates(),
            options.deletes(),
            streaming.recvlogicalSeconds(),
            streaming.events() / streaming.recvlogicalSeconds(),
            a.seconds(),
            a.eventsPerSecond(),
            streaming.ratio(),
            STREAMING_RATIO_TARGET,
            met(streaming.ratio() >= STREAMING_RATIO_TARGET)));
    RunFigures b = snapshot.tributary();
    md.append(
        f(
            "| (b) Snapshot, %,d rows | psql \\copy: %.2f s, %,.0f rows/s | %.2f s, %,.0f rows/s "
                + "| %.2f | ≥ %.1f | %s |%n",
            snapshot.rows(),
            snapshot.copySeconds(),
            snapshot.rows() / snapshot.copySeconds(),
            b.seconds(),
            b.eventsPerSecond(),
            snapshot.ratio(),
            SNAPSHOT_RATIO_TARGET,
            met(snapshot.ratio() >= SNAPSHOT_RATIO_TARGET)));
    Latencies l = latency.latencies();
    md.append(
        f(
            "| (c) Commit-to-durable latency, %,d tps offered for %d s | — | p50 %.2f ms, p99 %.2f ms, "
                + "max %.2f ms (%,d events, %,.0f tps achieved) | — | p99 ≤ %.0f ms | %s |%n%n",
            options.tps(),
            options.latencySeconds(),
            l.p50Ms(),
            l.p99Ms(),
            l.maxMs(),
            l.count(),
            latency.load().achievedTps(),
            P99_TARGET_MS,
            met(l.p99Ms() <= P99_TARGET_MS)));
  }

  private void resources(StringBuilder md) {
    md.append(
        "| Tributary run | Events | Wall s | CPU s | CPU s per M events | Peak RSS MiB "
            + "| RSS ≤ 200 MiB | CPU ≤ 5 s/M events |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    resourceRow(md, "(a) streaming catch-up", streaming.tributary(), true);
    resourceRow(md, "(b) snapshot (initial_only)", snapshot.tributary(), true);
    // paced by the load: its CPU per event is idle time spread over few events, not a throughput
    resourceRow(md, "(c) latency run (paced load)", latency.tributary(), false);
    md.append('\n');
  }

  private static void resourceRow(
      StringBuilder md, String name, RunFigures r, boolean cpuTargetApplies) {
    double perMillion = r.cpuSecondsPerMillionEvents();
    md.append(
        f(
            "| %s | %,d | %.2f | %.2f | %.2f | %.1f | %s | %s |%n",
            name,
            r.events(),
            r.seconds(),
            r.stats().cpuSeconds(),
            perMillion,
            r.stats().peakRssMib(),
            met(r.stats().peakRssMib() <= RSS_TARGET_MIB),
            cpuTargetApplies ? met(perMillion <= CPU_TARGET_PER_MILLION) : "n/a"));
  }

  private void notes(StringBuilder md) {
    md.append("How each figure was measured:\n\n");
    md.append(
        f(
            "- (a) Both slots (pgoutput) were created before the backlog, which was written in transactions "
                + "of %,d rows in %.1f s. pg_recvlogical (`--start -o proto_version=1 --endpos <end LSN> -f /dev/null`) "
                + "is timed from process start to exit. Tributary (`snapshot: never`) is timed from process start "
                + "(JVM start, validation, prerequisite checks included) until a log reader sees all %,d events "
                + "committed; its first event was committed %.2f s after start. After SIGTERM (exit code %d) "
                + "the log held %,d events%s.%n",
            StreamingCatchUp.TRANSACTION_ROWS,
            streaming.backlogSeconds(),
            streaming.events(),
            streaming.firstEventSeconds(),
            streaming.tributary().exitCode(),
            streaming.finalEvents(),
            streaming.finalEvents() == streaming.events()
                ? ", as expected"
                : " — NOT the expected count"));
    md.append(
        f(
            "- (b) Table `int8 id PK, text, numeric(12,2), timestamptz`, filled and vacuumed in %.1f s. "
                + "psql (`\\copy (SELECT * FROM t) TO /dev/null`) is timed from process start to exit; Tributary "
                + "(`snapshot: initial_only`) from process start to its exit (code %d), after which the log held %,d "
                + "events%s. Its first commit (%,d events) was seen %.2f s after start (JVM start, validation, "
                + "prerequisite checks, logins, planning, the first chunks); from then to its exit it copied at "
                + "%.2f× psql's rate (to tell start-up from copying; the target is the ratio above).%n",
            snapshot.loadSeconds(),
            snapshot.tributary().exitCode(),
            snapshot.finalEvents(),
            snapshot.finalEvents() == snapshot.rows()
                ? ", as expected"
                : " — NOT the expected count",
            snapshot.firstCommitEvents(),
            snapshot.firstEventSeconds(),
            snapshot.rateRatioAfterFirstChunk()));
    LoadGenerator.Outcome load = latency.load();
    md.append(
        f(
            "- (c) One JDBC thread inserts one row per transaction on a fixed schedule (at most %.1f ms "
                + "behind it) for %d s of warm-up, not counted, then %d s measured. A thread in the benchmark JVM "
                + "reads the committed log every %.1f ms when idle; latency = when it first read the event − "
                + "`source.ts_ms` (commit time in whole ms, which adds up to 1 ms). Both clocks are this machine's.%n",
            load.maxLagMs(),
            options.warmupSeconds(),
            options.latencySeconds(),
            VisibilityPoller.POLL_INTERVAL.toNanos() / 1e6));
    md.append(
        f(
            "  Split at the record's timestamp (when Tributary processed the event): commit → processed "
                + "p50 %.2f / p99 %.2f / max %.2f ms; processed → visible p50 %.2f / p99 %.2f / max %.2f ms "
                + "(whole-ms timestamps on both sides of the first part). For scale, PostgreSQL's own insert-and-commit "
                + "round trip (with its WAL fsync) took p50 %.2f / p99 %.2f / max %.2f ms.%n",
            latency.toProcessed().p50Ms(),
            latency.toProcessed().p99Ms(),
            latency.toProcessed().maxMs(),
            latency.toVisible().p50Ms(),
            latency.toVisible().p99Ms(),
            latency.toVisible().maxMs(),
            load.commits().p50Ms(),
            load.commits().p99Ms(),
            load.commits().maxMs()));
    md.append(
        "- Resources: CPU s = utime + stime of the Tributary JVM and peak RSS = VmHWM, both from /proc, "
            + "read when its work was done (just before SIGTERM, or the last 10 ms sample before it exited). "
            + "They include JVM start-up and JIT compilation; run (c) is paced by the load and includes warm-up and idle "
            + "waiting, so its CPU per event is not a throughput figure.\n");
  }

  private static String met(boolean ok) {
    return ok ? "yes" : "**no**";
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}

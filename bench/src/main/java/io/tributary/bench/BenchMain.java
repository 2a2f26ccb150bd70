package io.tributary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Runs the benchmark: one private durable PostgreSQL, three measurements of the Tributary CLI, each
 * against a baseline measured in the same run, then prints the Markdown result on stdout and writes
 * it to {@code <results>/<timestamp>.md}. Exit status 0 on success, 1 when a measurement failed, 2
 * for a bad command line.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (BenchOptions.UsageException e) {
      boolean help = e.getMessage().equals(BenchOptions.USAGE);
      (help ? System.out : System.err).println(e.getMessage());
      System.exit(help ? 0 : 2);
      return;
    }
    try {
      ZonedDateTime started = ZonedDateTime.now();
      String report = run(options, started).render();
      System.out.print(report);
      System.out.flush();
      Path file = write(report, options.resultsDir(), started);
      Progress.say("result written to %s", file);
      System.exit(0);
    } catch (Exception e) {
      System.err.println("bench: the benchmark failed: " + e.getMessage());
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static Report run(BenchOptions options, ZonedDateTime started) throws Exception {
    Machine machine = Machine.describe();
    String loadBefore = Machine.loadAverage();
    try (Workspace workspace = Workspace.create()) {
      Progress.say("copying the distribution and making its AOT cache, as ./tributary does");
      Distribution distribution =
          Distribution.copyOf(options.distribution(), workspace.directory("dist"))
              .withAotCache(TributaryRun.launcherOptions());
      Progress.say(
          "starting a private durable PostgreSQL; temporary files in %s", workspace.root());
      try (BenchDatabase db = BenchDatabase.start()) {
        String postgres = db.describe();
        StreamingCatchUp.Result streaming =
            new StreamingCatchUp(db, distribution, workspace, options).run();
        SnapshotCopy.Result snapshot =
            new SnapshotCopy(db, distribution, workspace, options.snapshotRows()).run();
        CommitLatency.Result latency =
            new CommitLatency(db, distribution, workspace, options).run();
        return new Report(
            started,
            machine,
            loadBefore,
            Machine.loadAverage(),
            postgres,
            TributaryRun.jvmOptions(distribution),
            options,
            streaming,
            snapshot,
            latency);
      }
    }
  }

  private static Path write(String report, Path dir, ZonedDateTime started) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
    return Files.writeString(file, report);
  }
}

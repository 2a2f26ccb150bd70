package io.tributary.bench;

import io.tributary.testkit.process.ChildJvm;
import io.tributary.testkit.process.JvmOptionsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The real CLI, {@code tributary run PIPELINE.yaml}, in a child JVM with the launcher's {@code
 * -Xmx256m} (plus {@code TRIBUTARY_JAVA_OPTS}, as the launcher adds them), timed from just before
 * the process is created and sampled for CPU time and peak RSS.
 */
final class TributaryRun implements AutoCloseable {
  static final String HEAP = "-Xmx256m";
  private static final Duration SAMPLE_EVERY = Duration.ofMillis(10);
  private static final int TAIL_LINES = 40;

  private final ChildJvm child;
  private final long startNanos;
  private final ProcSampler sampler;
  private final Workspace workspace;

  private TributaryRun(ChildJvm child, long startNanos, Workspace workspace) {
    this.child = child;
    this.startNanos = startNanos;
    this.workspace = workspace;
    this.sampler = new ProcSampler(child.pid(), SAMPLE_EVERY);
    workspace.adopt(child.pid());
  }

  static TributaryRun start(Distribution distribution, Path pipelineFile, Workspace workspace)
      throws IOException {
    long start = System.nanoTime();
    ChildJvm child =
        ChildJvm.builder(Distribution.MAIN_CLASS)
            .classpath(distribution.classpath())
            .jvmOptions(jvmOptions(distribution).toArray(String[]::new))
            .args("run", pipelineFile.toString())
            .workingDir(workspace.root())
            .start();
    return new TributaryRun(child, start, workspace);
  }

  /** The options the child JVM runs with: the launcher's, its AOT cache, TRIBUTARY_JAVA_OPTS. */
  static List<String> jvmOptions(Distribution distribution) {
    List<String> options = new ArrayList<>(launcherOptions());
    options.addAll(distribution.aotOptions());
    String extra = System.getenv("TRIBUTARY_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      options.addAll(List.of(extra.strip().split("\\s+")));
    }
    return options;
  }

  /**
   * The launcher's options: tributary-server/jvm.options, named by run.sh in tributary.jvm.options.
   */
  static List<String> launcherOptions() {
    String name = System.getProperty("tributary.jvm.options");
    if (name == null) {
      return List.of(HEAP);
    }
    return JvmOptionsFile.read(Path.of(name));
  }

  long pid() {
    return child.pid();
  }

  boolean isAlive() {
    return child.isAlive();
  }

  /** Seconds since just before the process was created. */
  double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** CPU time and peak RSS now, or as last sampled if it has exited. */
  ProcStats stats() {
    return sampler.sample();
  }

  /**
   * Waits up to {@code timeout} for the process to exit on its own.
   *
   * @return its exit code
   * @throws TimeoutException if it still runs
   */
  int awaitExit(Duration timeout) throws InterruptedException, TimeoutException {
    return child.waitFor(timeout);
  }

  /** SIGTERM, as Ctrl-C would stop it, then waits for a clean stop; returns the exit code. */
  int stop() throws InterruptedException, TimeoutException {
    child.terminate();
    return child.waitFor(Duration.ofSeconds(60));
  }

  /** The tail of the child's stderr, where the CLI reports. */
  String stderrTail() {
    return child.stderr().tail(TAIL_LINES);
  }

  /** An exception that says what went wrong and shows the child's output. */
  IllegalStateException failure(String what) {
    return new IllegalStateException(
        what
            + "\n--- tributary stderr (tail) ---\n"
            + stderrTail()
            + "\n--- tributary stdout (tail) ---\n"
            + child.stdout().tail(TAIL_LINES));
  }

  @Override
  public void close() {
    sampler.close();
    child.close();
    workspace.release(child.pid());
  }
}

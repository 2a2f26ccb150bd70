package io.tributary.testkit.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A second JVM running one main class, for tests that must crash a process (kill -9 during a
 * snapshot) and start it again.
 *
 * <p>The child runs the same {@code java} binary as this JVM. Its stdout and stderr go to files,
 * which can be read at any time and are deleted by {@link #close()}. If this JVM exits normally
 * while the child still runs, a shutdown hook kills the child; a JVM killed with SIGKILL cannot do
 * that, so tests should close their children.
 *
 * <p>Thread-safe: any thread may read output, wait, or kill.
 */
public final class ChildJvm implements AutoCloseable {

  private static final int TAIL_LINES = 40;

  private final Process process;
  private final String mainClass;
  private final OutputFile stdout;
  private final OutputFile stderr;
  private final Thread killOnExit;

  private ChildJvm(Process process, String mainClass, OutputFile stdout, OutputFile stderr) {
    this.process = process;
    this.mainClass = mainClass;
    this.stdout = stdout;
    this.stderr = stderr;
    this.killOnExit = new Thread(process::destroyForcibly, "kill-child-jvm-" + process.pid());
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** Starts describing a child that runs {@code mainClass}. */
  public static Builder builder(String mainClass) {
    return new Builder(mainClass);
  }

  /** Starts describing a child that runs {@code mainClass}. */
  public static Builder builder(Class<?> mainClass) {
    return new Builder(mainClass.getName());
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** What the child wrote to stdout so far. */
  public OutputFile stdout() {
    return stdout;
  }

  /** What the child wrote to stderr so far. */
  public OutputFile stderr() {
    return stderr;
  }

  /**
   * Waits until the child prints a complete stdout line that matches.
   *
   * @return the first matching line
   * @throws TimeoutException if no line matched in time (the message holds the output tails)
   * @throws IllegalStateException if the child exited without printing a matching line
   */
  public String awaitStdoutLine(Predicate<String> matcher, Duration timeout)
      throws InterruptedException, TimeoutException {
    return awaitLine(stdout, matcher, timeout);
  }

  /** Like {@link #awaitStdoutLine}, for stderr. */
  public String awaitStderrLine(Predicate<String> matcher, Duration timeout)
      throws InterruptedException, TimeoutException {
    return awaitLine(stderr, matcher, timeout);
  }

  /** Sends SIGKILL: the child gets no chance to run shutdown hooks or flush anything. */
  public void kill9() {
    process.destroyForcibly();
  }

  /** Sends SIGTERM: the child runs its shutdown hooks, then exits (143 unless a hook halts). */
  public void terminate() {
    process.destroy();
  }

  /**
   * Waits for the child to exit.
   *
   * @return its exit code; 128 plus the signal number if a signal ended it (137 after SIGKILL)
   * @throws TimeoutException if it still runs after the timeout (it is left running)
   */
  public int waitFor(Duration timeout) throws InterruptedException, TimeoutException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new TimeoutException(
          mainClass + " (pid " + pid() + ") still runs after " + timeout + diagnostics());
    }
    return process.exitValue();
  }

  /** Kills the child if it still runs, waits for it, and deletes the captured output. */
  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shutdownInProgress) {
      // The hook is running or about to run; it kills a process that is already gone.
    }
    deleteQuietly(stdout.path());
    deleteQuietly(stderr.path());
  }

  @Override
  public String toString() {
    return "ChildJvm[" + mainClass + ", pid " + pid() + "]";
  }

  private String awaitLine(OutputFile output, Predicate<String> matcher, Duration timeout)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean exited = !process.isAlive();
      for (String line : output.completeLines()) {
        if (matcher.test(line)) {
          return line;
        }
      }
      if (exited) {
        throw new IllegalStateException(
            mainClass
                + " exited with "
                + process.exitValue()
                + " before printing the awaited line"
                + diagnostics());
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new TimeoutException(
            mainClass + " printed no matching line within " + timeout + diagnostics());
      }
      Thread.sleep(20);
    }
  }

  private String diagnostics() {
    return "\n--- stdout tail ---\n"
        + stdout.tail(TAIL_LINES)
        + "\n--- stderr tail ---\n"
        + stderr.tail(TAIL_LINES);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Best effort: the file is in the temp directory and holds only test output.
    }
  }

  /**
   * Describes a child JVM. Defaults: this JVM's class path, no JVM options, no arguments, this
   * JVM's working directory and environment. Not thread-safe.
   */
  public static final class Builder {

    private final String mainClass;
    private String classpath = System.getProperty("java.class.path");
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path workingDir;

    private Builder(String mainClass) {
      if (mainClass == null || mainClass.isBlank()) {
        throw new IllegalArgumentException("a child JVM needs a main class");
      }
      this.mainClass = mainClass;
    }

    public Builder classpath(String classpath) {
      this.classpath = Objects.requireNonNull(classpath, "classpath");
      return this;
    }

    /**
     * Adds options placed before the main class, such as {@code -Xmx64m} or {@code -Dkey=value}.
     */
    public Builder jvmOptions(String... options) {
      jvmOptions.addAll(List.of(options));
      return this;
    }

    /** Adds program arguments placed after the main class. */
    public Builder args(String... arguments) {
      args.addAll(List.of(arguments));
      return this;
    }

    public Builder workingDir(Path dir) {
      this.workingDir = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** Sets an environment variable on top of this JVM's environment. */
    public Builder env(String name, String value) {
      env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Launches the child; it runs concurrently from now on. */
    public ChildJvm start() throws IOException {
      Path out = Files.createTempFile("child-jvm-", ".stdout");
      Path err = Files.createTempFile("child-jvm-", ".stderr");
      ProcessBuilder builder =
          new ProcessBuilder(command())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      if (workingDir != null) {
        builder.directory(workingDir.toFile());
      }
      builder.environment().putAll(env);
      try {
        return new ChildJvm(builder.start(), mainClass, new OutputFile(out), new OutputFile(err));
      } catch (IOException e) {
        deleteQuietly(out);
        deleteQuietly(err);
        throw new IOException("cannot launch a JVM for " + mainClass + " with " + command(), e);
      }
    }

    private List<String> command() {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // as the launcher's jvm.options: the log calls posix_fadvise through the foreign function API
      command.add("--enable-native-access=ALL-UNNAMED");
      command.addAll(jvmOptions);
      command.add("-cp");
      command.add(classpath);
      command.add(mainClass);
      command.addAll(args);
      return command;
    }
  }
}

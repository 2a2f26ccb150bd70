package io.tributary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a PostgreSQL client program (pg_recvlogical, psql) to completion and times it, from just
 * before the process is created until its exit is seen.
 */
final class ClientTool {
  static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  private static final int TAIL_CHARS = 4_000;

  private ClientTool() {}

  /**
   * @param env variables set on top of this JVM's environment, whose other PG* variables are
   *     dropped
   * @return the wall-clock seconds it took
   * @throws IOException if it cannot start, fails, or outlives {@code timeout}
   */
  static double timed(
      List<String> command, Map<String, String> env, Workspace workspace, Duration timeout)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile(workspace.root(), "tool-", ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    workspace.adopt(process.pid());
    boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    long elapsed = System.nanoTime() - start;
    if (!exited) {
      process.destroyForcibly().waitFor();
    }
    workspace.release(process.pid());
    if (!exited || process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command)
              + (exited
                  ? " failed with exit code " + process.exitValue()
                  : " did not finish within " + timeout)
              + "\n--- output ---\n"
              + tail(output));
    }
    return elapsed / 1e9;
  }

  private static String tail(Path file) throws IOException {
    String text = Files.readString(file);
    return text.length() <= TAIL_CHARS ? text : text.substring(text.length() - TAIL_CHARS);
  }
}

package io.tributary.testkit.postgres;

import io.tributary.testkit.process.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The OS account that runs PostgreSQL tools. PostgreSQL refuses to run as root, so a JVM running as
 * root runs them as the {@code postgres} account through {@code runuser} and hands it the files;
 * any other account runs them as itself.
 *
 * <p>Stateless apart from the account; safe to share between threads.
 */
final class PostgresUser {

  private static final String ACCOUNT = "postgres";
  private static final int OUTPUT_TAIL_LINES = 30;

  private final UserPrincipal owner;

  private PostgresUser(UserPrincipal owner) {
    this.owner = owner;
  }

  /** The account for this JVM: {@code postgres} when running as root, this account otherwise. */
  static PostgresUser forThisJvm() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return new PostgresUser(null);
    }
    try {
      return new PostgresUser(
          FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(ACCOUNT));
    } catch (UserPrincipalNotFoundException e) {
      throw new PostgresServerException(
          "PostgreSQL refuses to run as root and there is no '"
              + ACCOUNT
              + "' OS account to run it as: install postgresql-15 (which creates it) or run the tests as another user",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look up the '" + ACCOUNT + "' OS account", e);
    }
  }

  /** Makes the account own {@code path}, so that the server may write to it. */
  void own(Path path) {
    if (owner == null) {
      return;
    }
    try {
      Files.setOwner(path, owner);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot give " + path + " to the '" + ACCOUNT + "' OS account", e);
    }
  }

  /**
   * Runs a tool as this account and waits for it. Output goes to a file rather than a pipe, because
   * {@code pg_ctl start} leaves a server running that must not hold this JVM's pipes open.
   *
   * @param step what the tool does, for error messages ("initdb")
   * @param workDir the tool's working directory, readable by the account
   * @param output file that receives the tool's stdout and stderr, replaced on each run
   * @return the tool's output
   * @throws PostgresServerException if the tool fails, cannot start, or outlives the timeout
   */
  String run(String step, Path workDir, Path output, Duration timeout, List<String> command) {
    List<String> full = new ArrayList<>();
    if (owner != null) {
      full.addAll(List.of("runuser", "-u", ACCOUNT, "--"));
    }
    full.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(full)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    // Inherited PGDATA, PGPORT, PGHOST... would point the tools at another server.
    builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
    builder.environment().put("LC_ALL", "C");
    int exit = execute(step, builder, timeout, output);
    String text = new OutputFile(output).tail(OUTPUT_TAIL_LINES);
    if (exit != 0) {
      throw new PostgresServerException(
          step
              + " failed with exit code "
              + exit
              + ": "
              + String.join(" ", full)
              + "\n--- output ---\n"
              + text);
    }
    return text;
  }

  private static int execute(String step, ProcessBuilder builder, Duration timeout, Path output) {
    try {
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new PostgresServerException(
            step
                + " did not finish within "
                + timeout
                + ": "
                + String.join(" ", builder.command())
                + "\n--- output ---\n"
                + new OutputFile(output).tail(OUTPUT_TAIL_LINES));
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new PostgresServerException(
          step + " could not be launched: " + String.join(" ", builder.command()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PostgresServerException(step + " was interrupted", e);
    }
  }
}

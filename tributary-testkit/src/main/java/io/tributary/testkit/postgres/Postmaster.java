package io.tributary.testkit.postgres;

import io.tributary.testkit.process.OsProcess;
import io.tributary.testkit.process.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The server process of one data directory, driven through {@code pg_ctl} and signals. Knows
 * nothing of ports or users: those live in the configuration files. Not thread-safe; the owning
 * {@link PostgresServer} serializes calls.
 */
final class Postmaster {

  private static final int LOG_TAIL_LINES = 40;

  private final PostgresUser user;
  private final PostgresOptions options;
  private final ServerFiles files;

  Postmaster(PostgresUser user, PostgresOptions options, ServerFiles files) {
    this.user = user;
    this.options = options;
    this.files = files;
  }

  /**
   * Starts the server and waits until it accepts connections, which after a crash includes
   * recovery.
   *
   * @throws PostgresServerException if it does not come up; the message has the server log tail
   */
  void start() {
    try {
      pgCtl("start", "--log=" + files.logFile());
    } catch (PostgresServerException e) {
      throw new PostgresServerException(
          "PostgreSQL did not start with data directory "
              + files.dataDir()
              + ": "
              + e.getMessage()
              + "\n--- server log "
              + files.logFile()
              + " ---\n"
              + logTail(),
          e);
    }
  }

  /**
   * Shuts down in fast mode (sessions are ended, a checkpoint is written); a dead server is fine.
   */
  void stop() {
    try {
      pgCtl("stop", "--mode=fast");
    } catch (PostgresServerException e) {
      if (process().isPresent()) {
        throw new PostgresServerException(e.getMessage() + "\n--- server log ---\n" + logTail(), e);
      }
      // It had already died, for instance killed from outside: stopped is what was asked for.
    }
  }

  /** SIGKILLs the postmaster and every server process, as a power failure would stop them. */
  void kill() {
    Optional<OsProcess> postmaster = process();
    if (postmaster.isPresent()) {
      killTree(postmaster.get());
    }
    removeLockFiles();
  }

  boolean isRunning() {
    return process().isPresent();
  }

  String logTail() {
    return new OutputFile(files.logFile()).tail(LOG_TAIL_LINES);
  }

  /**
   * Removes the lock files of the data directory and of the socket. A killed postmaster stays a
   * zombie where init does not reap orphans, and the zombie's pid in those files looks alive to the
   * next postmaster, which would then refuse to start.
   */
  private void removeLockFiles() {
    try (DirectoryStream<Path> sockets =
        Files.newDirectoryStream(files.socketDir(), ".s.PGSQL.*")) {
      Files.deleteIfExists(files.postmasterPidFile());
      for (Path socketFile : sockets) {
        Files.deleteIfExists(socketFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot remove the lock files of the killed server in " + files.root(), e);
    }
  }

  private void pgCtl(String action, String option) {
    user.run(
        "pg_ctl " + action,
        files.root(),
        files.toolOutput(),
        options.startTimeout(),
        List.of(
            options.tool("pg_ctl").toString(),
            action,
            "--pgdata=" + files.dataDir(),
            option,
            "--wait",
            "--timeout=" + options.startTimeout().toSeconds()));
  }

  private void killTree(OsProcess postmaster) {
    try {
      if (!postmaster.killTree(options.startTimeout())) {
        throw new PostgresServerException(
            "PostgreSQL processes of " + files.dataDir() + " survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PostgresServerException(
          "interrupted while killing the server of " + files.dataDir(), e);
    }
  }

  private Optional<OsProcess> process() {
    try {
      return ServerRegistry.postmaster(files);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}

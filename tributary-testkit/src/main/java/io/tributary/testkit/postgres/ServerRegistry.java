package io.tributary.testkit.postgres;

import io.tributary.testkit.process.OsProcess;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * A record on disk of which JVM owns which private server, so that servers orphaned by a JVM that
 * died without running its shutdown hooks (kill -9, a crashed fork) are stopped and deleted by the
 * next JVM that starts a server.
 *
 * <p>pg_ctl detaches the postmaster from the JVM, so nothing else would ever stop it. Each server
 * has one entry file naming its directory and its owner's pid and start time (a pid alone may have
 * been reused). Several JVMs may reap at once: they only touch entries whose owner is gone.
 */
final class ServerRegistry {

  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

  private final Path dir;

  ServerRegistry(Path dir) {
    this.dir = dir;
  }

  static ServerRegistry standard() {
    return new ServerRegistry(ServerFiles.BASE.resolve("pids"));
  }

  /** Records that this JVM owns the server in {@code files}. */
  void register(ServerFiles files) {
    ProcessHandle me = ProcessHandle.current();
    Properties entry = new Properties();
    entry.setProperty("owner.pid", Long.toString(me.pid()));
    me.info().startInstant().ifPresent(start -> entry.setProperty("owner.start", start.toString()));
    entry.setProperty("root", files.root().toString());
    try {
      ServerFiles.createShared(dir);
      try (Writer out = Files.newBufferedWriter(entryFile(files))) {
        entry.store(out, "PostgreSQL server started by tributary-testkit");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the server in " + dir, e);
    }
  }

  void unregister(ServerFiles files) {
    try {
      Files.deleteIfExists(entryFile(files));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the record of the server in " + dir, e);
    }
  }

  /**
   * Kills and deletes every recorded server whose owning JVM no longer runs. Best effort: an entry
   * that cannot be read or cleaned is left for a later attempt.
   */
  void reapOrphans() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.properties")) {
      for (Path entry : entries) {
        reapIfOrphaned(entry);
      }
    } catch (IOException e) {
      // Listing failed (another JVM may be deleting entries): the next start tries again.
    }
  }

  private void reapIfOrphaned(Path entryFile) {
    try {
      Properties entry = new Properties();
      try (Reader in = Files.newBufferedReader(entryFile)) {
        entry.load(in);
      }
      if (ownerRuns(entry)) {
        return;
      }
      ServerFiles files = new ServerFiles(Path.of(entry.getProperty("root")));
      postmaster(files).ifPresent(ServerRegistry::killQuietly);
      files.delete();
      Files.deleteIfExists(entryFile);
    } catch (IOException | RuntimeException e) {
      // Half-written by its owner, or being reaped by another JVM: leave it for a later attempt.
    }
  }

  private static boolean ownerRuns(Properties entry) {
    long pid = Long.parseLong(entry.getProperty("owner.pid"));
    if (!new OsProcess(pid).isRunning()) {
      return false;
    }
    String recordedStart = entry.getProperty("owner.start");
    Optional<Instant> actualStart =
        ProcessHandle.of(pid).flatMap(handle -> handle.info().startInstant());
    return recordedStart == null
        || actualStart.isEmpty()
        || actualStart.get().equals(Instant.parse(recordedStart));
  }

  /**
   * The postmaster of the server, if it still runs; a reused pid running something else is left
   * alone.
   */
  static Optional<OsProcess> postmaster(ServerFiles files) throws IOException {
    if (!Files.exists(files.postmasterPidFile())) {
      return Optional.empty();
    }
    String firstLine = Files.readAllLines(files.postmasterPidFile()).get(0).trim();
    OsProcess process = new OsProcess(Long.parseLong(firstLine));
    boolean isPostgres =
        process.command().map(command -> command.endsWith("postgres")).orElse(true);
    return process.isRunning() && isPostgres ? Optional.of(process) : Optional.empty();
  }

  private static void killQuietly(OsProcess postmaster) {
    try {
      postmaster.killTree(KILL_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Path entryFile(ServerFiles files) {
    return dir.resolve(files.root().getFileName() + ".properties");
  }
}

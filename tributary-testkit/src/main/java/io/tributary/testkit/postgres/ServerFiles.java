package io.tributary.testkit.postgres;

import io.tributary.testkit.files.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where one private server keeps its files: a fresh directory under the testkit's base directory,
 * owned by the account that runs the server, holding the data directory, the Unix-domain socket,
 * the server log and the output of the last tool run.
 *
 * @param root the server's own directory
 */
record ServerFiles(Path root) {

  /** Shared by every JVM on the machine, whatever account it runs as. */
  static final Path BASE = Path.of(System.getProperty("java.io.tmpdir"), "tributary-testkit");

  /** Creates a fresh, empty directory for a new server. */
  static ServerFiles create(PostgresUser user) {
    try {
      Path base = createShared(BASE);
      Path root = Files.createTempDirectory(base, "pg-");
      user.own(root);
      return new ServerFiles(root);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create a directory for a PostgreSQL server under " + BASE, e);
    }
  }

  /** Creates {@code dir} if needed, writable by every account so that any test user can use it. */
  static Path createShared(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      try {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
      } catch (IOException | UnsupportedOperationException e) {
        // Another account created it first, or the file system has no POSIX permissions: use as is.
      }
    }
    return dir;
  }

  Path dataDir() {
    return root.resolve("data");
  }

  Path socketDir() {
    return root;
  }

  Path logFile() {
    return root.resolve("postgres.log");
  }

  Path toolOutput() {
    return root.resolve("tool-output.log");
  }

  /** The postmaster's lock file, whose first line is its pid while it runs. */
  Path postmasterPidFile() {
    return dataDir().resolve("postmaster.pid");
  }

  /** Deletes the directory and everything in it; a directory already gone is fine. */
  void delete() {
    try {
      FileTrees.delete(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the PostgreSQL server directory " + root, e);
    }
  }
}

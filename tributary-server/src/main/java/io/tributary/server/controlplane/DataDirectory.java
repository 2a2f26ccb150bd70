package io.tributary.server.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The server's data directory holds the master key, sealed secrets, key hashes and the streams: a
 * new one is created readable by its owner only (on file systems with POSIX permissions).
 */
final class DataDirectory {
  private DataDirectory() {}

  static void prepare(Path dir) {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.createDirectories(dir);
      if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the data directory "
              + dir
              + " ("
              + e.getMessage()
              + "); check the path and permissions, or choose another with --data",
          e);
    }
  }
}

package io.tributary.server.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files that only their owner may read (POSIX mode 0600), atomically: the content goes to a
 * temporary file in the same directory, created with mode 0600 before anything is written to it,
 * which is then synced and renamed into place. Readers therefore see either no file or a complete
 * one. On file systems without POSIX permissions the files are just created. Stateless.
 */
final class OwnerOnlyFiles {
  private OwnerOnlyFiles() {}

  /**
   * Creates {@code target} with {@code content}, failing with {@link FileAlreadyExistsException}
   * when it exists, even when another process creates it concurrently: a key that two processes
   * generated at once must never be silently replaced, or data sealed with the loser's key would be
   * lost.
   */
  static void createNew(Path target, byte[] content) throws IOException {
    Path temp = writeTemp(target, content);
    try {
      try {
        // a hard link fails if the target exists, whereas rename() would replace it
        Files.createLink(target, temp);
      } catch (FileAlreadyExistsException e) {
        throw e;
      } catch (UnsupportedOperationException | IOException e) {
        // no hard links here: a plain move still refuses an existing target, if less atomically
        Files.move(temp, target);
      }
      syncDirectory(target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Creates or replaces {@code target} with {@code content}. */
  static void replace(Path target, byte[] content) throws IOException {
    Path temp = writeTemp(target, content);
    try {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory(target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Whether files in {@code dir} can be restricted to their owner. */
  static boolean supportsPosix(Path dir) {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static Path writeTemp(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp =
        supportsPosix(dir)
            ? Files.createTempFile(dir, "." + target.getFileName(), ".tmp", ownerReadWrite())
            : Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return temp;
  }

  private static FileAttribute<?> ownerReadWrite() {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  }

  /** Makes the rename durable; best effort, as not every platform can open a directory. */
  private static void syncDirectory(Path target) {
    try (FileChannel dir =
        FileChannel.open(target.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // the file itself is synced; only the directory entry may be lost on a crash
    }
  }
}

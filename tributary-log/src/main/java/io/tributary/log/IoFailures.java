package io.tributary.log;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Gives I/O failures the file they happened on, and recognises a full disk. */
final class IoFailures {
  private IoFailures() {}

  /** {@code e} with the file and action in its message; log-specific failures pass unchanged. */
  static IOException at(Path file, String action, IOException e) {
    if (e instanceof CorruptLogException || e instanceof LogLockedException) {
      return e;
    }
    return new IOException(action + " " + file + " failed: " + describe(e), e);
  }

  /** A short text for {@code e}: file-system exceptions carry the file but not always the cause. */
  static String describe(IOException e) {
    if (e instanceof FileSystemException fse && fse.getReason() == null) {
      return fse.getClass().getSimpleName() + " on " + fse.getFile();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** Whether {@code e} means that the device holding {@code dir} has no space left. */
  static boolean isDiskFull(IOException e, Path dir) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (message.contains("no space left")
          || message.contains("not enough space")
          || message.contains("disk quota exceeded")
          || message.contains("disk full")) {
        return true;
      }
    }
    try {
      return Files.getFileStore(dir).getUsableSpace() == 0;
    } catch (IOException | RuntimeException ignored) {
      return false;
    }
  }
}

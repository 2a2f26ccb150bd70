package io.tributary.log;

import java.io.IOException;
import java.nio.file.Path;

/** Another writer (usually another tributary process) holds the lock of a log directory. */
public class LogLockedException extends IOException {
  private static final long serialVersionUID = 1L;

  public LogLockedException(Path dir) {
    super("another tributary process is writing to " + dir + "; stop it first");
  }
}

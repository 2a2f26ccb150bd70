package io.tributary.log;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Committed data of the log cannot be read back: a record below a stream's committed end is missing
 * or fails its CRC. Retrying does not help; the file must be restored or the log rebuilt.
 */
public class CorruptLogException extends IOException {
  private static final long serialVersionUID = 1L;

  public CorruptLogException(Path file, long position, String problem) {
    super(file + " is corrupt at byte " + position + ": " + problem);
  }

  public CorruptLogException(String message) {
    super(message);
  }
}

package io.tributary.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A JVM options file as the launcher reads it ({@code tributary-server/jvm.options}): one option a
 * line; blank lines and lines starting with {@code #} are left out.
 */
public final class JvmOptionsFile {
  private JvmOptionsFile() {}

  /** The options in {@code file}, in order. */
  public static List<String> read(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JVM options " + file, e);
    }
  }
}

package io.tributary.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A text file that another process appends to, such as a server log or a child's captured stdout.
 *
 * <p>Reads are snapshots: the file may grow between two calls. A file that does not exist yet reads
 * as empty. Thread-safe (it holds no state besides the path).
 *
 * @param path the file
 */
public record OutputFile(Path path) {

  public OutputFile {
    Objects.requireNonNull(path, "path");
  }

  /** Everything written so far, decoded as UTF-8; empty if the file does not exist yet. */
  public String content() {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /**
   * The lines written so far that end with a line break. A last line still being written is left
   * out, so a matcher never sees half a line.
   */
  public List<String> completeLines() {
    String text = content();
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : text.substring(0, end).lines().toList();
  }

  /** The last {@code maxLines} lines (complete or not), joined with line breaks. */
  public String tail(int maxLines) {
    List<String> lines = content().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
  }
}

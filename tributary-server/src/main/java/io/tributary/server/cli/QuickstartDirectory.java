package io.tributary.server.cli;

import io.tributary.testkit.files.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The quickstart's working directory: {@code ./.quickstart} when it can be created there (a
 * leftover of an interrupted quickstart is replaced), otherwise a temporary directory. Marked with
 * a file so that only a directory the quickstart made is ever deleted.
 *
 * @param path the directory
 */
record QuickstartDirectory(Path path) implements AutoCloseable {
  private static final String MARKER = ".tributary-quickstart";

  static QuickstartDirectory create() throws IOException {
    Path local = Path.of(".quickstart");
    try {
      if (Files.exists(local) && Files.exists(local.resolve(MARKER))) {
        delete(local);
      }
      if (!Files.exists(local)) {
        return marked(Files.createDirectory(local));
      }
    } catch (IOException | UncheckedIOException e) {
      // not writable here, or not ours: fall through to a temporary directory
    }
    return marked(Files.createTempDirectory("tributary-quickstart-"));
  }

  Path data() {
    return path.resolve("data");
  }

  /** Deletes the directory and all in it. */
  @Override
  public void close() {
    delete(path);
  }

  private static QuickstartDirectory marked(Path dir) throws IOException {
    Files.writeString(
        dir.resolve(MARKER), "made by 'tributary quickstart'; deleted when it exits\n");
    return new QuickstartDirectory(dir);
  }

  private static void delete(Path dir) {
    try {
      FileTrees.delete(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir + "; delete it by hand", e);
    }
  }
}

package io.tributary.server.pipeline;

import io.tributary.api.config.ConfigError;
import io.tributary.api.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Pipeline files for the loader tests: a minimal valid document, writing it, and its errors. */
final class PipelineFiles {
  private PipelineFiles() {}

  /** A valid postgres pipeline named shop, with {@code extraSourceLine} added to its source. */
  static String minimal(String extraSourceLine) {
    return """
        name: shop
        source:
          type: postgres
          host: 127.0.0.1
          database: shop
          user: tributary
        """
        + (extraSourceLine.isEmpty() ? "" : "  " + extraSourceLine + "\n");
  }

  static Path write(Path dir, String yaml) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "pipeline", ".yaml"), yaml);
  }

  /** The errors loading {@code file} reports; fails when it loads. */
  static List<ConfigError> errors(PipelineLoader loader, Path file) {
    try {
      loader.load(file);
    } catch (ConfigException e) {
      return e.errors();
    }
    throw new AssertionError("expected " + file + " to be rejected");
  }
}

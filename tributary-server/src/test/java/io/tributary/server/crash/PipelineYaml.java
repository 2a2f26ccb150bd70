package io.tributary.server.crash;

import io.tributary.testkit.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pipeline file for a database of the shared test server, logging under {@code dir/data}; the
 * password comes from the environment variable {@link #PASSWORD_ENV}, as users are told to do.
 */
final class PipelineYaml {
  static final String PASSWORD_ENV = "TEST_PG_PASSWORD";

  private PipelineYaml() {}

  /**
   * @param source the source's fields besides the connection, as YAML lines (tables, slot, …)
   */
  static Path write(Path dir, String name, PostgresServer server, String db, String source)
      throws IOException {
    return Files.writeString(
        dir.resolve(name + ".yaml"),
        """
        name: %s
        source:
          type: postgres
          host: %s
          port: %d
          database: %s
          user: %s
          password: ${env:%s}
          sslmode: disable
        %s
        destination:
          type: log
          path: %s
        """
            .formatted(
                name,
                server.host(),
                server.port(),
                db,
                server.superuserUser(),
                PASSWORD_ENV,
                source.indent(2).stripTrailing(),
                dir.resolve("data")));
  }
}

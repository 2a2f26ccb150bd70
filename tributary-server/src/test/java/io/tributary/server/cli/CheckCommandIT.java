package io.tributary.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CheckCommandIT {
  private static PostgresServer server;
  private static String database;

  @TempDir Path dir;

  @BeforeAll
  static void startPostgres() throws SQLException {
    server = PostgresServer.shared();
    database = server.createUniqueDatabase("cli_check");
    server.execute(database, "CREATE TABLE public.orders (id serial PRIMARY KEY, status text)");
  }

  @Test
  void aWrongPasswordFailsTheConnectionCheckWithExitStatus2() throws IOException {
    CliRun run = CliRun.of("check", pipeline("not-the-password").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .contains("✗ connection")
        .contains("source.password")
        .contains("nothing was changed");
  }

  @Test
  void aReachableServerPassesTheChecksWithExitStatus0() throws IOException {
    CliRun run = CliRun.of("check", pipeline(server.password()).toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("✓ connection", "Ready");
  }

  @Test
  void anInvalidFileIsReportedOnStderrWithExitStatus2() throws IOException {
    Path file =
        Files.writeString(dir.resolve("bad.yaml"), "name: Bad Name\nsource: {type: postgres}\n");

    CliRun run = CliRun.of("check", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("name: 'Bad Name' is not a valid pipeline name", "source.database", "source.user")
        .doesNotContain("Exception");
  }

  private Path pipeline(String password) throws IOException {
    return Files.writeString(
        dir.resolve("check.yaml"),
        """
        name: cli-check
        source:
          type: postgres
          host: %s
          port: %d
          database: %s
          user: %s
          password: %s
          tables: [public.orders]
        destination:
          path: %s
        """
            .formatted(
                server.host(),
                server.port(),
                database,
                server.superuserUser(),
                password,
                dir.resolve("data")));
  }
}

package io.tributary.testkit.postgres;

import static io.tributary.testkit.postgres.Sql.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class PostgresServerLifecycleIT {

  private static PostgresServer postgres;

  @BeforeAll
  static void startPrivateServer() {
    // Commits must reach the WAL before kill() for the recovery test to expect them.
    postgres = PostgresServer.builder().setting("synchronous_commit", "on").start();
  }

  @AfterAll
  static void closePrivateServer() {
    postgres.close();
  }

  @Test
  void restartKeepsDataAndPort() throws SQLException {
    String database = postgres.createUniqueDatabase("restart");
    postgres.execute(database, "CREATE TABLE t (id int)", "INSERT INTO t VALUES (1), (2)");
    int port = postgres.port();

    postgres.stop();

    assertThat(postgres.isRunning()).isFalse();
    assertThatThrownBy(() -> postgres.connect(database).close()).isInstanceOf(SQLException.class);

    postgres.start();

    assertThat(postgres.port()).isEqualTo(port);
    assertThat(queryString(postgres, database, "SELECT count(*) FROM t")).isEqualTo("2");
  }

  @Test
  void killThenStartRecoversCommittedData() throws Exception {
    String database = postgres.createUniqueDatabase("crash");
    postgres.execute(database, "CREATE TABLE t (id int)", "INSERT INTO t VALUES (1)");
    try (Connection open = postgres.connect(database)) {
      postgres.kill();

      assertThat(postgres.isRunning()).isFalse();
      assertThatThrownBy(() -> queryString(open, "SELECT 1")).isInstanceOf(SQLException.class);
    }

    postgres.start();

    assertThat(queryString(postgres, database, "SELECT count(*) FROM t")).isEqualTo("1");
    assertThat(Files.readString(postgres.logFile()))
        .contains("not properly shut down; automatic recovery in progress");
  }

  @Test
  void startAndStopAreIdempotent() throws SQLException {
    postgres.start();
    postgres.stop();
    postgres.stop();
    postgres.kill();
    postgres.start();
    postgres.start();

    assertThat(queryString(postgres, "tributary", "SELECT 1")).isEqualTo("1");
  }

  @Test
  void closeStopsTheServerAndDeletesItsFiles() throws Exception {
    PostgresServer doomed = PostgresServer.builder().start();
    try (Connection connection = doomed.connect("tributary")) {
      assertThat(queryString(connection, "SELECT 1")).isEqualTo("1");
    }

    doomed.close();
    doomed.close();

    assertThat(doomed.isRunning()).isFalse();
    assertThat(doomed.dataDir()).doesNotExist();
    assertThat(doomed.logFile()).doesNotExist();
    assertThatThrownBy(() -> doomed.connect("tributary").close()).isInstanceOf(SQLException.class);
    assertThatThrownBy(doomed::start).isInstanceOf(IllegalStateException.class);
  }
}

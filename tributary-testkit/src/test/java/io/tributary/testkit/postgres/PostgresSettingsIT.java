package io.tributary.testkit.postgres;

import static io.tributary.testkit.postgres.Sql.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class PostgresSettingsIT {

  @Test
  void anExtraSettingOverridesTheDefault() throws SQLException {
    try (PostgresServer postgres =
            PostgresServer.builder().setting("wal_level", "replica").start();
        Connection connection = postgres.connect("tributary")) {
      assertThat(queryString(connection, "SHOW wal_level")).isEqualTo("replica");
      assertThatThrownBy(
              () ->
                  queryString(
                      connection,
                      "SELECT lsn FROM pg_create_logical_replication_slot('probe', 'pgoutput')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("wal_level");
    }
  }

  @Test
  void durableServersFlushToDisk() throws SQLException {
    try (PostgresServer postgres = PostgresServer.builder().durable(true).start();
        Connection connection = postgres.connect("tributary")) {
      assertThat(queryString(connection, "SHOW fsync")).isEqualTo("on");
      assertThat(queryString(connection, "SHOW synchronous_commit")).isEqualTo("on");
      assertThat(queryString(connection, "SHOW full_page_writes")).isEqualTo("on");
    }
  }

  @Test
  void aServerThatCannotStartSaysWhyWithTheLogTail() {
    assertThatThrownBy(
            () -> PostgresServer.builder().setting("shared_buffers", "plenty").start().close())
        .isInstanceOf(PostgresServerException.class)
        .hasMessageContaining("PostgreSQL did not start")
        .hasMessageContaining("invalid value for parameter \"shared_buffers\"");
  }
}

package io.tributary.testkit.postgres;

import static io.tributary.testkit.postgres.Sql.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SharedPostgresServerIT {

  private final PostgresServer postgres = PostgresServer.shared();

  @Test
  void acceptsScramPasswordLoginOverTcpAsAReplicationSuperuser() throws SQLException {
    try (Connection connection = postgres.connect("tributary")) {
      assertThat(queryString(connection, "SELECT current_user")).isEqualTo("tributary");
      assertThat(
              queryString(
                  connection,
                  "SELECT rolsuper AND rolreplication FROM pg_roles WHERE rolname = 'tributary'"))
          .isEqualTo("t");
      assertThat(
              queryString(
                  connection, "SELECT rolpassword FROM pg_authid WHERE rolname = 'tributary'"))
          .startsWith("SCRAM-SHA-256$");
      assertThat(
              queryString(
                  connection,
                  "SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules WHERE type = 'host'"))
          .isEqualTo("scram-sha-256");
      assertThat(queryString(connection, "SELECT inet_server_addr()")).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void rejectsAWrongPassword() {
    Properties info = new Properties();
    info.setProperty("user", postgres.superuserUser());
    info.setProperty("password", "wrong");

    assertThatThrownBy(
            () -> DriverManager.getConnection(postgres.jdbcUrl("tributary"), info).close())
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
  }

  @Test
  void runsWithLogicalDecodingEnabled() throws SQLException {
    String database = postgres.createUniqueDatabase("decoding");
    try (Connection connection = postgres.connect(database)) {
      assertThat(queryString(connection, "SHOW wal_level")).isEqualTo("logical");
      assertThat(queryString(connection, "SHOW max_replication_slots")).isEqualTo("20");
      assertThat(queryString(connection, "SHOW max_wal_senders")).isEqualTo("20");
      assertThat(
              queryString(
                  connection,
                  "SELECT lsn FROM pg_create_logical_replication_slot('probe', 'pgoutput')"))
          .matches("[0-9A-F]+/[0-9A-F]+");
      queryString(connection, "SELECT pg_drop_replication_slot('probe')::text");
    }
  }

  @Test
  void acceptsReplicationProtocolConnections() throws SQLException {
    Map<String, String> replication =
        Map.of(
            "replication",
            "database",
            "assumeMinServerVersion",
            "9.4",
            "preferQueryMode",
            "simple");
    try (Connection connection = postgres.connect("tributary", replication)) {
      assertThat(queryString(connection, "IDENTIFY_SYSTEM")).matches("\\d+");
    }
  }

  @Test
  void encryptsConnectionsWhenSslIsRequired() throws SQLException {
    String ownSsl = "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()";
    try (Connection encrypted = postgres.connect("tributary", Map.of("sslmode", "require"));
        Connection plain = postgres.connect("tributary", Map.of("sslmode", "disable"))) {
      assertThat(queryString(encrypted, ownSsl)).isEqualTo("t");
      assertThat(queryString(plain, ownSsl)).isEqualTo("f");
    }
  }

  @Test
  void runsFastByDefault() throws SQLException {
    try (Connection connection = postgres.connect("tributary")) {
      assertThat(queryString(connection, "SHOW fsync")).isEqualTo("off");
      assertThat(queryString(connection, "SHOW synchronous_commit")).isEqualTo("off");
      assertThat(queryString(connection, "SHOW server_version")).startsWith("15.");
    }
  }

  @Test
  void testsIsolateThemselvesInTheirOwnDatabases() throws SQLException {
    String mine = postgres.createUniqueDatabase("isolation");
    String theirs = postgres.createUniqueDatabase("isolation");

    postgres.execute(mine, "CREATE TABLE t (id int)", "INSERT INTO t VALUES (1)");

    assertThat(mine).isNotEqualTo(theirs).startsWith("isolation_");
    assertThat(queryString(postgres, mine, "SELECT count(*) FROM t")).isEqualTo("1");
    assertThat(queryString(postgres, theirs, "SELECT to_regclass('t') IS NULL")).isEqualTo("t");
  }

  @Test
  void executeNamesTheFailingStatement() {
    assertThatThrownBy(
            () -> postgres.execute("tributary", "SELECT 1", "SELECT * FROM no_such_table"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("SELECT * FROM no_such_table")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42P01"));
  }

  @Test
  void rejectsDatabaseNamesThatNeedQuoting() {
    assertThatThrownBy(() -> postgres.createDatabase("Mixed-Case"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isOneServerPerJvmThatTestsCannotStop() {
    assertThat(PostgresServer.shared()).isSameAs(postgres);
    assertThat(postgres.isRunning()).isTrue();
    assertThatThrownBy(postgres::stop).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(postgres::kill).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(postgres::close).isInstanceOf(UnsupportedOperationException.class);
  }
}

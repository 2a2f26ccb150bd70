package io.tributary.bench;

import io.tributary.testkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The private, durable PostgreSQL 15 server the benchmark runs against, and its database {@value
 * #NAME}. Durable means fsync, synchronous_commit and full_page_writes on; max_wal_size is raised
 * so that checkpoints do not dominate the backlog generation. Thread-safe, as {@link
 * PostgresServer}.
 */
final class BenchDatabase implements AutoCloseable {
  static final String NAME = "bench";

  /** Settings on top of the testkit's durable defaults. */
  static final Map<String, String> SETTINGS = settings();

  private final PostgresServer server;

  private BenchDatabase(PostgresServer server) {
    this.server = server;
  }

  private static Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("max_wal_size", "4GB");
    s.put("checkpoint_timeout", "30min");
    return s;
  }

  static BenchDatabase start() throws SQLException {
    PostgresServer.Builder builder = PostgresServer.builder().durable(true);
    SETTINGS.forEach(builder::setting);
    PostgresServer server = builder.start();
    try {
      server.createDatabase(NAME);
      return new BenchDatabase(server);
    } catch (SQLException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  String host() {
    return server.host();
  }

  int port() {
    return server.port();
  }

  String user() {
    return server.superuserUser();
  }

  String password() {
    return server.password();
  }

  Connection connect() throws SQLException {
    return server.connect(NAME, Map.of("sslmode", "disable"));
  }

  /** Runs each statement in its own transaction. */
  void execute(String... sql) throws SQLException {
    server.execute(NAME, sql);
  }

  /** The first column of the first row, as text. */
  String queryText(String sql) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      if (!rs.next()) {
        throw new SQLException("no row from: " + sql);
      }
      return rs.getString(1);
    }
  }

  /** The end of the WAL written so far. */
  String currentLsn() throws SQLException {
    return queryText("SELECT pg_current_wal_lsn()::text");
  }

  void createSlot(String name) throws SQLException {
    execute("SELECT pg_create_logical_replication_slot('" + name + "', 'pgoutput')");
  }

  /** Server version and the settings that matter for the figures, for the report's header. */
  String describe() throws SQLException {
    StringBuilder s = new StringBuilder("PostgreSQL ").append(queryText("SHOW server_version"));
    for (String name :
        List.of(
            "fsync",
            "synchronous_commit",
            "full_page_writes",
            "wal_level",
            "shared_buffers",
            "max_wal_size",
            "checkpoint_timeout")) {
      s.append(", ").append(name).append('=').append(queryText("SHOW " + name));
    }
    return s.toString();
  }

  /** The environment of a PostgreSQL client tool connecting to this server: password, no TLS. */
  Map<String, String> clientEnvironment() {
    return Map.of("PGPASSWORD", password(), "PGSSLMODE", "disable");
  }

  /** Connection options of a PostgreSQL client tool: {@code -h -p -U -d}. */
  List<String> clientArguments() {
    return List.of("-h", host(), "-p", Integer.toString(port()), "-U", user(), "-d", NAME);
  }

  @Override
  public void close() {
    server.close();
  }
}

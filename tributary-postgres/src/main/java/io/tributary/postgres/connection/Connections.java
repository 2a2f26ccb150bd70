package io.tributary.postgres.connection;

import io.tributary.postgres.connector.PostgresConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;

/** Opens JDBC and replication connections for one source, all with the same session settings. */
public final class Connections {
  /**
   * Values are rendered in text by the server; fix the settings that change that rendering so the
   * same value always looks the same: UTC timestamps, ISO dates, ISO-8601 intervals, exact floats.
   */
  private static final String SESSION_OPTIONS =
      "-c TimeZone=UTC -c DateStyle=ISO -c IntervalStyle=iso_8601 -c extra_float_digits=3";

  private static final Logger LOG = Logger.getLogger(Connections.class.getName());

  private final PostgresConfig config;

  public Connections(PostgresConfig config) {
    this.config = config;
  }

  /** A regular connection, for catalog queries, snapshots and heartbeats. */
  public Connection open(String purpose) throws SQLException {
    return logged(purpose, properties(purpose));
  }

  /** A replication connection (walsender protocol) for the logical replication stream. */
  public Connection openReplication() throws SQLException {
    Properties p = properties("replication");
    p.setProperty("replication", "database");
    p.setProperty("preferQueryMode", "simple");
    p.setProperty("assumeMinServerVersion", "14");
    return logged("replication", p);
  }

  private Connection logged(String purpose, Properties p) throws SQLException {
    long start = System.nanoTime();
    Connection c = DriverManager.getConnection(url(), p);
    LOG.fine(
        () ->
            "connected ("
                + purpose
                + ") to "
                + config.host()
                + ":"
                + config.port()
                + " in "
                + (System.nanoTime() - start) / 1_000_000
                + " ms");
    return c;
  }

  public String url() {
    return "jdbc:postgresql://" + hostForUrl() + ":" + config.port() + "/" + config.database();
  }

  private String hostForUrl() {
    return config.host().contains(":") ? "[" + config.host() + "]" : config.host();
  }

  private Properties properties(String purpose) {
    Properties p = new Properties();
    p.setProperty("user", config.user());
    if (config.password() != null) {
      p.setProperty("password", config.password());
    }
    p.setProperty("sslmode", config.sslmode());
    if (config.sslrootcert() != null) {
      p.setProperty("sslrootcert", config.sslrootcert());
    }
    p.setProperty("ApplicationName", "tributary-" + config.pipeline() + "-" + purpose);
    p.setProperty(
        "connectTimeout", Long.toString(Math.max(1, config.connectTimeout().toSeconds())));
    p.setProperty("loginTimeout", Long.toString(Math.max(1, config.connectTimeout().toSeconds())));
    p.setProperty("tcpKeepAlive", "true");
    p.setProperty("options", SESSION_OPTIONS);
    return p;
  }
}

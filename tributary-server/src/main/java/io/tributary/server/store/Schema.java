package io.tributary.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The metadata schema, created when missing. Later versions add statements, never edit these. */
final class Schema {
  private static final String[] STATEMENTS = {
    """
    CREATE TABLE IF NOT EXISTS connectors (
      name VARCHAR(200) PRIMARY KEY,
      type VARCHAR(100) NOT NULL,
      desired_state VARCHAR(20) NOT NULL,
      version INT NOT NULL,
      created_at TIMESTAMP WITH TIME ZONE NOT NULL,
      updated_at TIMESTAMP WITH TIME ZONE NOT NULL)
    """,
    """
    CREATE TABLE IF NOT EXISTS connector_versions (
      name VARCHAR(200) NOT NULL,
      version INT NOT NULL,
      document CLOB NOT NULL,
      created_at TIMESTAMP WITH TIME ZONE NOT NULL,
      created_by VARCHAR(200) NOT NULL,
      comment VARCHAR(1000) NOT NULL,
      PRIMARY KEY (name, version))
    """,
    """
    CREATE TABLE IF NOT EXISTS audit (
      id BIGINT AUTO_INCREMENT PRIMARY KEY,
      at TIMESTAMP WITH TIME ZONE NOT NULL,
      actor VARCHAR(200) NOT NULL,
      action VARCHAR(100) NOT NULL,
      target VARCHAR(300) NOT NULL,
      details CLOB NOT NULL)
    """,
    "CREATE INDEX IF NOT EXISTS audit_target ON audit (target)",
    """
    CREATE TABLE IF NOT EXISTS api_keys (
      id VARCHAR(50) PRIMARY KEY,
      name VARCHAR(200) NOT NULL,
      role VARCHAR(20) NOT NULL,
      hash VARCHAR(100) NOT NULL,
      created_at TIMESTAMP WITH TIME ZONE NOT NULL,
      last_used_at TIMESTAMP WITH TIME ZONE)
    """,
    """
    CREATE TABLE IF NOT EXISTS sessions (
      hash VARCHAR(100) PRIMARY KEY,
      key_id VARCHAR(50) NOT NULL,
      expires_at TIMESTAMP WITH TIME ZONE NOT NULL)
    """,
    """
    CREATE TABLE IF NOT EXISTS documents (
      kind VARCHAR(50) NOT NULL,
      id VARCHAR(100) NOT NULL,
      body CLOB NOT NULL,
      updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
      PRIMARY KEY (kind, id))
    """,
    """
    CREATE TABLE IF NOT EXISTS settings (
      name VARCHAR(100) PRIMARY KEY,
      val CLOB NOT NULL)
    """
  };

  private Schema() {}

  static Void apply(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (String sql : STATEMENTS) {
        st.execute(sql);
      }
    }
    return null;
  }
}

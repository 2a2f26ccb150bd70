package io.tributary.testkit.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Test-only shorthand for single-value queries. */
final class Sql {

  private Sql() {}

  static String queryString(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      if (!rows.next()) {
        throw new SQLException("no row from: " + sql);
      }
      return rows.getString(1);
    }
  }

  static String queryString(PostgresServer server, String database, String sql)
      throws SQLException {
    try (Connection connection = server.connect(database)) {
      return queryString(connection, sql);
    }
  }
}

package io.tributary.postgres.connector;

import io.tributary.api.DiscoveredTable;
import io.tributary.postgres.connection.Connections;
import io.tributary.postgres.connection.ErrorClassifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the tables a pipeline could capture: ordinary and partitioned tables outside the system
 * schemas (partitions are captured through their root, so they are left out), with whether each has
 * a primary key and the planner's row estimate.
 */
final class TableDiscovery {
  private static final String QUERY =
      """
      SELECT n.nspname, c.relname,
             EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p'),
             c.reltuples::bigint
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      ORDER BY n.nspname, c.relname
      """;

  private final PostgresConfig config;

  TableDiscovery(PostgresConfig config) {
    this.config = config;
  }

  List<DiscoveredTable> discover() {
    try (Connection c = new Connections(config).open("discovery");
        PreparedStatement st = c.prepareStatement(QUERY);
        ResultSet rs = st.executeQuery()) {
      List<DiscoveredTable> tables = new ArrayList<>();
      while (rs.next()) {
        long estimate = rs.getLong(4);
        tables.add(
            new DiscoveredTable(
                rs.getString(1), rs.getString(2), rs.getBoolean(3), estimate < 0 ? -1 : estimate));
      }
      return tables;
    } catch (SQLException e) {
      throw new ErrorClassifier(config).classify("listing the tables", e);
    }
  }
}

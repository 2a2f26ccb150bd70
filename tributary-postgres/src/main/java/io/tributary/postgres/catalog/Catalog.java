package io.tributary.postgres.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Catalog queries: which tables match the configured patterns, and what they look like. */
public final class Catalog {
  private final Connection connection;

  public Catalog(Connection connection) {
    this.connection = connection;
  }

  /**
   * Result of resolving table patterns: the tables found, and each pattern that matched nothing.
   */
  public record Resolution(List<TableId> tables, List<String> unmatched, List<TableId> all) {}

  /**
   * Matches {@code patterns} (schema.table, * wildcards) against ordinary and partitioned tables.
   */
  public Resolution resolve(List<String> patterns) throws SQLException {
    List<TableId> all = new ArrayList<>();
    try (var st =
            connection.prepareStatement(
                "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE c.relkind IN ('r','p') AND NOT c.relispartition "
                    + "AND n.nspname NOT IN ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg_toast%' "
                    + "ORDER BY 1, 2");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        all.add(new TableId(rs.getString(1), rs.getString(2)));
      }
    }
    Set<TableId> found = new LinkedHashSet<>();
    List<String> unmatched = new ArrayList<>();
    for (String pattern : patterns) {
      Pattern p = toRegex(TableId.parse(pattern));
      List<TableId> hits = all.stream().filter(t -> p.matcher(t.toString()).matches()).toList();
      if (hits.isEmpty()) {
        unmatched.add(pattern);
      }
      found.addAll(hits);
    }
    return new Resolution(List.copyOf(found), unmatched, all);
  }

  private static Pattern toRegex(TableId id) {
    return Pattern.compile(glob(id.schema()) + "\\." + glob(id.table()));
  }

  private static String glob(String s) {
    return Arrays.stream(s.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
  }

  /** Describes each table; tables are expected to exist. */
  public Map<TableId, TableInfo> describe(List<TableId> tables) throws SQLException {
    Map<TableId, TableInfo> out = new LinkedHashMap<>();
    for (TableId t : tables) {
      out.put(t, describe(t));
    }
    return out;
  }

  public TableInfo describe(TableId t) throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement(
            "WITH leaves AS (SELECT c.oid AS relid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "  WHERE n.nspname = ? AND c.relname = ? AND c.relkind <> 'p' "
                + "  UNION ALL SELECT p.relid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, "
                + "  pg_partition_tree(c.oid) p WHERE n.nspname = ? AND c.relname = ? AND c.relkind = 'p' AND p.isleaf) "
                + "SELECT c.oid, c.relkind = 'p', c.relreplident, "
                + "(SELECT coalesce(sum(pg_relation_size(l.relid)), 0) / current_setting('block_size')::int FROM leaves l), "
                + "(SELECT coalesce(sum(greatest(pc.reltuples, 0)), 0) FROM leaves l JOIN pg_class pc ON pc.oid = l.relid), "
                + "(SELECT bool_and(pc.reltuples < 0) FROM leaves l JOIN pg_class pc ON pc.oid = l.relid) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?")) {
      for (int i = 0; i < 3; i++) {
        st.setString(2 * i + 1, t.schema());
        st.setString(2 * i + 2, t.table());
      }
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("table " + t + " does not exist", "42P01");
        }
        long oid = rs.getLong(1);
        boolean partitioned = rs.getBoolean(2);
        char identity = rs.getString(3).charAt(0);
        long pages = rs.getLong(4);
        long rows = Boolean.TRUE.equals(rs.getObject(6)) ? -1 : rs.getLong(5);
        List<TableInfo.Column> columns = new ArrayList<>();
        boolean toastable = columns(oid, columns);
        return new TableInfo(
            t, oid, partitioned, identity, primaryKey(oid), columns, toastable, pages, rows);
      }
    }
  }

  private boolean columns(long oid, List<TableInfo.Column> out) throws SQLException {
    boolean toastable = false;
    try (PreparedStatement st =
        connection.prepareStatement(
            "SELECT attname, atttypid::int4, attstorage FROM pg_attribute WHERE attrelid = ? AND attnum > 0 "
                + "AND NOT attisdropped ORDER BY attnum")) {
      st.setLong(1, oid);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new TableInfo.Column(rs.getString(1), rs.getInt(2)));
          toastable |= !"p".equals(rs.getString(3));
        }
      }
    }
    return toastable;
  }

  /** Primary key columns of a table, in key order; empty when it has none. */
  public List<String> primaryKey(long oid) throws SQLException {
    List<String> key = new ArrayList<>();
    try (PreparedStatement st =
        connection.prepareStatement(
            "SELECT a.attname FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, ord) "
                + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                + "WHERE i.indrelid = ? AND i.indisprimary ORDER BY k.ord")) {
      st.setLong(1, oid);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          key.add(rs.getString(1));
        }
      }
    }
    return key;
  }

  /** The leaf partitions of a table (the table itself when not partitioned). */
  public List<TableId> leaves(TableId t) throws SQLException {
    List<TableId> out = new ArrayList<>();
    try (PreparedStatement st =
        connection.prepareStatement(
            "SELECT n.nspname, c.relname FROM pg_partition_tree(?::regclass) p JOIN pg_class c ON c.oid = p.relid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE p.isleaf "
                + "UNION SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.oid = ?::regclass AND c.relkind <> 'p' ORDER BY 1, 2")) {
      st.setString(1, t.quoted());
      st.setString(2, t.quoted());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new TableId(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return out;
  }
}

package io.tributary.server.store;

import io.tributary.server.store.ConnectorRecord.DesiredState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Connectors and their config versions. Every method is one transaction. Thread-safe. */
public final class ConnectorRepository {
  private final Database db;

  public ConnectorRepository(Database db) {
    this.db = db;
  }

  /**
   * Creates a connector with its first version.
   *
   * @return false, writing nothing, when the name is taken
   */
  public boolean create(
      String name, String type, DesiredState desired, String document, String actor, Instant now) {
    return db.transaction(
        c -> {
          if (find(c, name).isPresent()) {
            return false;
          }
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO connectors (name, type, desired_state, version, created_at, updated_at)"
                      + " VALUES (?, ?, ?, 1, ?, ?)")) {
            st.setString(1, name);
            st.setString(2, type);
            st.setString(3, desired.name());
            st.setObject(4, utc(now));
            st.setObject(5, utc(now));
            st.executeUpdate();
          }
          insertVersion(c, new ConfigVersion(name, 1, document, now, actor, "created"));
          return true;
        });
  }

  /**
   * Saves a new version of an existing connector's document and makes it current.
   *
   * @return the new version number, or empty when there is no such connector
   */
  public Optional<Integer> addVersion(
      String name, String document, String actor, String comment, Instant now) {
    return db.transaction(
        c -> {
          Optional<ConnectorRecord> current = find(c, name);
          if (current.isEmpty()) {
            return Optional.empty();
          }
          int next = current.get().version() + 1;
          insertVersion(c, new ConfigVersion(name, next, document, now, actor, comment));
          try (PreparedStatement st =
              c.prepareStatement(
                  "UPDATE connectors SET version = ?, updated_at = ? WHERE name = ?")) {
            st.setInt(1, next);
            st.setObject(2, utc(now));
            st.setString(3, name);
            st.executeUpdate();
          }
          return Optional.of(next);
        });
  }

  /** Records what the connector should be doing; false when there is no such connector. */
  public boolean setDesired(String name, DesiredState desired) {
    return db.transaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("UPDATE connectors SET desired_state = ? WHERE name = ?")) {
            st.setString(1, desired.name());
            st.setString(2, name);
            return st.executeUpdate() == 1;
          }
        });
  }

  public Optional<ConnectorRecord> find(String name) {
    return db.transaction(c -> find(c, name));
  }

  /** Every connector, by name. */
  public List<ConnectorRecord> list() {
    return db.transaction(
        c -> {
          try (PreparedStatement st = c.prepareStatement("SELECT * FROM connectors ORDER BY name");
              ResultSet rs = st.executeQuery()) {
            List<ConnectorRecord> all = new ArrayList<>();
            while (rs.next()) {
              all.add(record(rs));
            }
            return all;
          }
        });
  }

  /** The connector's current version. */
  public Optional<ConfigVersion> current(String name) {
    return db.transaction(
        c -> {
          Optional<ConnectorRecord> r = find(c, name);
          return r.isEmpty() ? Optional.empty() : version(c, name, r.get().version());
        });
  }

  public Optional<ConfigVersion> version(String name, int version) {
    return db.transaction(c -> version(c, name, version));
  }

  /** Every version of a connector, newest first (documents included). */
  public List<ConfigVersion> versions(String name) {
    return db.transaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT * FROM connector_versions WHERE name = ? ORDER BY version DESC")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
              List<ConfigVersion> all = new ArrayList<>();
              while (rs.next()) {
                all.add(version(rs));
              }
              return all;
            }
          }
        });
  }

  /** Deletes the connector and its versions; false when there was none. */
  public boolean delete(String name) {
    return db.transaction(
        c -> {
          try (PreparedStatement v =
                  c.prepareStatement("DELETE FROM connector_versions WHERE name = ?");
              PreparedStatement st = c.prepareStatement("DELETE FROM connectors WHERE name = ?")) {
            v.setString(1, name);
            v.executeUpdate();
            st.setString(1, name);
            return st.executeUpdate() == 1;
          }
        });
  }

  private static Optional<ConnectorRecord> find(Connection c, String name) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT * FROM connectors WHERE name = ?")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(record(rs)) : Optional.empty();
      }
    }
  }

  private static Optional<ConfigVersion> version(Connection c, String name, int version)
      throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement("SELECT * FROM connector_versions WHERE name = ? AND version = ?")) {
      st.setString(1, name);
      st.setInt(2, version);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(version(rs)) : Optional.empty();
      }
    }
  }

  private static void insertVersion(Connection c, ConfigVersion v) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO connector_versions (name, version, document, created_at, created_by, comment)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      st.setString(1, v.connector());
      st.setInt(2, v.version());
      st.setString(3, v.document());
      st.setObject(4, utc(v.createdAt()));
      st.setString(5, v.createdBy());
      st.setString(6, v.comment());
      st.executeUpdate();
    }
  }

  private static ConnectorRecord record(ResultSet rs) throws SQLException {
    return new ConnectorRecord(
        rs.getString("name"),
        rs.getString("type"),
        DesiredState.valueOf(rs.getString("desired_state")),
        rs.getInt("version"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static ConfigVersion version(ResultSet rs) throws SQLException {
    return new ConfigVersion(
        rs.getString("name"),
        rs.getInt("version"),
        rs.getString("document"),
        instant(rs, "created_at"),
        rs.getString("created_by"),
        rs.getString("comment"));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}

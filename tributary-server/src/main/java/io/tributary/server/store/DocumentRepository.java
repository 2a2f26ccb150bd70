package io.tributary.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * JSON documents by kind and id, for things whose shape their own package owns (maintenance
 * windows, alert rules, alert history): the store keeps them whole. Thread-safe.
 */
public final class DocumentRepository {
  private final Database db;

  public DocumentRepository(Database db) {
    this.db = db;
  }

  /** Inserts or replaces. */
  public void put(String kind, String id, String json, Instant now) {
    db.update(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "MERGE INTO documents (kind, id, body, updated_at) KEY (kind, id) VALUES (?, ?, ?, ?)")) {
            st.setString(1, kind);
            st.setString(2, id);
            st.setString(3, json);
            st.setObject(4, ConnectorRepository.utc(now));
            st.executeUpdate();
          }
        });
  }

  public Optional<String> get(String kind, String id) {
    return db.transaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("SELECT body FROM documents WHERE kind = ? AND id = ?")) {
            st.setString(1, kind);
            st.setString(2, id);
            try (ResultSet rs = st.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /** Every document of a kind, by id, oldest first. */
  public Map<String, String> all(String kind) {
    return db.transaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT id, body FROM documents WHERE kind = ? ORDER BY updated_at, id")) {
            st.setString(1, kind);
            try (ResultSet rs = st.executeQuery()) {
              Map<String, String> all = new LinkedHashMap<>();
              while (rs.next()) {
                all.put(rs.getString(1), rs.getString(2));
              }
              return all;
            }
          }
        });
  }

  public boolean delete(String kind, String id) {
    return db.transaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("DELETE FROM documents WHERE kind = ? AND id = ?")) {
            st.setString(1, kind);
            st.setString(2, id);
            return st.executeUpdate() == 1;
          }
        });
  }
}

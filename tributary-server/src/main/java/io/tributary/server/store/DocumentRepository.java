package io.tributary.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  /**
   * The newest {@code limit} documents of a kind, newest first (the reverse order of {@link #all}).
   */
  public List<String> latest(String kind, int limit) {
    return db.transaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT body FROM documents WHERE kind = ? ORDER BY updated_at DESC, id DESC LIMIT ?")) {
            st.setString(1, kind);
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
              List<String> latest = new ArrayList<>();
              while (rs.next()) {
                latest.add(rs.getString(1));
              }
              return latest;
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

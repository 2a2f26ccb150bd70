package io.tributary.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** API keys (hashes only) and UI sessions (hashes only). Thread-safe. */
public final class ApiKeyRepository {
  private final Database db;

  public ApiKeyRepository(Database db) {
    this.db = db;
  }

  public void add(ApiKeyRecord key) {
    db.update(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO api_keys (id, name, role, hash, created_at) VALUES (?, ?, ?, ?, ?)")) {
            st.setString(1, key.id());
            st.setString(2, key.name());
            st.setString(3, key.role());
            st.setString(4, key.hash());
            st.setObject(5, ConnectorRepository.utc(key.createdAt()));
            st.executeUpdate();
          }
        });
  }

  public Optional<ApiKeyRecord> find(String id) {
    return db.transaction(
        c -> {
          try (PreparedStatement st = c.prepareStatement("SELECT * FROM api_keys WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
              return rs.next() ? Optional.of(key(rs)) : Optional.empty();
            }
          }
        });
  }

  public List<ApiKeyRecord> list() {
    return db.transaction(
        c -> {
          try (PreparedStatement st =
                  c.prepareStatement("SELECT * FROM api_keys ORDER BY created_at, id");
              ResultSet rs = st.executeQuery()) {
            List<ApiKeyRecord> keys = new ArrayList<>();
            while (rs.next()) {
              keys.add(key(rs));
            }
            return keys;
          }
        });
  }

  public long count() {
    return list().size();
  }

  /** Deletes a key and its sessions; false when there was none. */
  public boolean delete(String id) {
    return db.transaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE key_id = ?");
              PreparedStatement k = c.prepareStatement("DELETE FROM api_keys WHERE id = ?")) {
            s.setString(1, id);
            s.executeUpdate();
            k.setString(1, id);
            return k.executeUpdate() == 1;
          }
        });
  }

  public void touch(String id, Instant now) {
    db.update(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("UPDATE api_keys SET last_used_at = ? WHERE id = ?")) {
            st.setObject(1, ConnectorRepository.utc(now));
            st.setString(2, id);
            st.executeUpdate();
          }
        });
  }

  public void addSession(String hash, String keyId, Instant expiresAt) {
    db.update(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO sessions (hash, key_id, expires_at) VALUES (?, ?, ?)")) {
            st.setString(1, hash);
            st.setString(2, keyId);
            st.setObject(3, ConnectorRepository.utc(expiresAt));
            st.executeUpdate();
          }
        });
  }

  /** The key of an unexpired session; expired sessions are removed on the way. */
  public Optional<String> sessionKey(String hash, Instant now) {
    return db.transaction(
        c -> {
          try (PreparedStatement del =
              c.prepareStatement("DELETE FROM sessions WHERE expires_at < ?")) {
            del.setObject(1, ConnectorRepository.utc(now));
            del.executeUpdate();
          }
          try (PreparedStatement st =
              c.prepareStatement("SELECT key_id FROM sessions WHERE hash = ?")) {
            st.setString(1, hash);
            try (ResultSet rs = st.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  public void deleteSession(String hash) {
    db.update(
        c -> {
          try (PreparedStatement st = c.prepareStatement("DELETE FROM sessions WHERE hash = ?")) {
            st.setString(1, hash);
            st.executeUpdate();
          }
        });
  }

  private static ApiKeyRecord key(ResultSet rs) throws SQLException {
    return new ApiKeyRecord(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("role"),
        rs.getString("hash"),
        ConnectorRepository.instant(rs, "created_at"),
        ConnectorRepository.instant(rs, "last_used_at"));
  }
}

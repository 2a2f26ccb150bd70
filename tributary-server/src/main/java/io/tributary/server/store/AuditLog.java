package io.tributary.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Who changed what, when: append-only. Thread-safe. */
public final class AuditLog {
  private final Database db;

  public AuditLog(Database db) {
    this.db = db;
  }

  public void record(Instant at, String actor, String action, String target, String details) {
    db.update(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO audit (at, actor, action, target, details) VALUES (?, ?, ?, ?, ?)")) {
            st.setObject(1, ConnectorRepository.utc(at));
            st.setString(2, actor);
            st.setString(3, action);
            st.setString(4, target);
            st.setString(5, details);
            st.executeUpdate();
          }
        });
  }

  /**
   * The latest entries, newest first.
   *
   * @param target only entries about this target (e.g. {@code connector/shop}), or null for all
   */
  public List<AuditEntry> latest(String target, int limit) {
    return db.transaction(
        c -> {
          String sql =
              "SELECT * FROM audit"
                  + (target == null ? "" : " WHERE target = ?")
                  + " ORDER BY id DESC LIMIT ?";
          try (PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            if (target != null) {
              st.setString(i++, target);
            }
            st.setInt(i, limit);
            try (ResultSet rs = st.executeQuery()) {
              List<AuditEntry> entries = new ArrayList<>();
              while (rs.next()) {
                entries.add(
                    new AuditEntry(
                        rs.getLong("id"),
                        ConnectorRepository.instant(rs, "at"),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getString("details")));
              }
              return entries;
            }
          }
        });
  }
}

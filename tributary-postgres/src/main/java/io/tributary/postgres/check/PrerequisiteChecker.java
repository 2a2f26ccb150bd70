package io.tributary.postgres.check;

import io.tributary.api.Check;
import io.tributary.api.config.Suggestions;
import io.tributary.postgres.catalog.Catalog;
import io.tributary.postgres.catalog.TableId;
import io.tributary.postgres.catalog.TableInfo;
import io.tributary.postgres.connection.Connections;
import io.tributary.postgres.connection.ErrorClassifier;
import io.tributary.postgres.connector.PostgresConfig;
import io.tributary.postgres.slot.ReplicationSetup;
import io.tributary.postgres.slot.SlotInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks everything a PostgreSQL pipeline needs, read-only, and says how to fix what is missing.
 * Never throws for a failed check.
 */
public final class PrerequisiteChecker {
  private final PostgresConfig config;

  public PrerequisiteChecker(PostgresConfig config) {
    this.config = config;
  }

  public List<Check> run() {
    List<Check> checks = new ArrayList<>();
    try (Connection c = new Connections(config).open("check")) {
      checks.add(
          Check.passed("connection", "connected to " + config.address() + " as " + config.user()));
      new Session(c, checks).all();
    } catch (SQLException e) {
      checks.add(connectionFailed(e));
    }
    return checks;
  }

  private Check connectionFailed(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String msg = new ErrorClassifier(config).classify("connecting", e).getMessage();
    String fix;
    if (state.startsWith("28")) {
      fix =
          "check source.user and source.password; pg_hba.conf must allow this role from this host";
    } else if (state.equals("3D000")) {
      fix = "check source.database, or create the database";
    } else if (state.startsWith("08")) {
      fix =
          "check source.host and source.port, that PostgreSQL is running and listens there "
              + "(listen_addresses), and that no firewall is in between; for TLS errors check source.sslmode";
    } else {
      fix = "see the message above";
    }
    return Check.failed("connection", msg, fix);
  }

  /** The checks that run on an open connection. */
  private final class Session {
    private final Connection c;
    private final List<Check> checks;

    Session(Connection c, List<Check> checks) {
      this.c = c;
      this.checks = checks;
    }

    void all() throws SQLException {
      serverVersion();
      walLevel();
      boolean superuser = privileges();
      slot();
      List<TableId> tables = tables();
      if (!tables.isEmpty()) {
        Map<TableId, TableInfo> infos = new Catalog(c).describe(tables);
        selectPrivilege(tables);
        publication(tables, superuser);
        replicaIdentity(infos);
      }
    }

    private void serverVersion() throws SQLException {
      int version = Integer.parseInt(scalar("SHOW server_version_num"));
      if (version < 140000) {
        checks.add(
            Check.failed(
                "server version",
                "PostgreSQL " + scalar("SHOW server_version") + " is too old",
                "upgrade to PostgreSQL 14 or newer"));
      } else {
        checks.add(Check.passed("server version", "PostgreSQL " + scalar("SHOW server_version")));
      }
    }

    private void walLevel() throws SQLException {
      String level = scalar("SHOW wal_level");
      if (level.equals("logical")) {
        checks.add(Check.passed("wal_level", "wal_level is logical"));
      } else {
        checks.add(
            Check.failed(
                "wal_level",
                "wal_level is " + level + ", logical decoding needs logical",
                "run ALTER SYSTEM SET wal_level = logical; then restart PostgreSQL"));
      }
    }

    private boolean privileges() throws SQLException {
      try (var st =
              c.prepareStatement(
                  "SELECT rolreplication, rolsuper FROM pg_roles WHERE rolname = current_user");
          ResultSet rs = st.executeQuery()) {
        rs.next();
        boolean replication = rs.getBoolean(1);
        boolean superuser = rs.getBoolean(2);
        if (replication || superuser) {
          checks.add(
              Check.passed("replication privilege", "role " + config.user() + " may replicate"));
        } else {
          checks.add(
              Check.failed(
                  "replication privilege",
                  "role " + config.user() + " lacks the REPLICATION attribute",
                  "as a superuser run ALTER ROLE "
                      + TableId.quote(config.user())
                      + " WITH REPLICATION;"));
        }
        return superuser;
      }
    }

    private void slot() throws SQLException {
      Optional<SlotInfo> found = new ReplicationSetup(c).findSlot(config.slot());
      if (found.isEmpty()) {
        freeSlots();
        return;
      }
      SlotInfo slot = found.get();
      if (!"pgoutput".equals(slot.plugin()) || !config.database().equals(slot.database())) {
        checks.add(
            Check.failed(
                "replication slot",
                "slot "
                    + config.slot()
                    + " exists but uses plugin "
                    + slot.plugin()
                    + " on database "
                    + slot.database(),
                "choose another source.slot, or drop it: SELECT pg_drop_replication_slot('"
                    + config.slot()
                    + "');"));
      } else if (slot.active()) {
        checks.add(
            Check.failed(
                "replication slot",
                "slot " + config.slot() + " is in use by the process with PID " + slot.activePid(),
                "stop the other consumer of this slot (another Tributary?), or choose another source.slot"));
      } else {
        checks.add(
            Check.passed(
                "replication slot", "slot " + config.slot() + " exists and will be reused"));
      }
    }

    private void freeSlots() throws SQLException {
      int max = Integer.parseInt(scalar("SHOW max_replication_slots"));
      int used = Integer.parseInt(scalar("SELECT count(*) FROM pg_replication_slots"));
      if (used >= max) {
        checks.add(
            Check.failed(
                "replication slot",
                "all " + max + " replication slots are used, none is free for " + config.slot(),
                "drop an unused slot, or raise max_replication_slots and restart PostgreSQL"));
      } else {
        checks.add(Check.passed("replication slot", "slot " + config.slot() + " will be created"));
      }
    }

    private List<TableId> tables() throws SQLException {
      Catalog.Resolution r = new Catalog(c).resolve(config.tables());
      for (String pattern : r.unmatched()) {
        String suggestion =
            Suggestions.closest(
                    TableId.parse(pattern).toString(),
                    r.all().stream().map(TableId::toString).toList())
                .map(t -> " (did you mean " + t + "?)")
                .orElse("");
        checks.add(
            Check.failed(
                "tables",
                "no table matches '" + pattern + "' in database " + config.database() + suggestion,
                "fix source.tables; names are schema.table, e.g. public.orders or public.*"));
      }
      if (r.unmatched().isEmpty()) {
        checks.add(Check.passed("tables", r.tables().size() + " table(s): " + r.tables()));
      }
      return r.tables();
    }

    private void selectPrivilege(List<TableId> tables) throws SQLException {
      List<String> denied = new ArrayList<>();
      for (TableId t : tables) {
        try (PreparedStatement st = c.prepareStatement("SELECT has_table_privilege(?, 'SELECT')")) {
          st.setString(1, t.quoted());
          try (ResultSet rs = st.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(1)) {
              denied.add(t.quoted());
            }
          }
        }
      }
      if (denied.isEmpty()) {
        checks.add(
            Check.passed("select privilege", "role " + config.user() + " can read every table"));
      } else {
        checks.add(
            Check.failed(
                "select privilege",
                "role " + config.user() + " cannot read " + denied,
                "GRANT SELECT ON "
                    + String.join(", ", denied)
                    + " TO "
                    + TableId.quote(config.user())
                    + ";"));
      }
    }

    private void publication(List<TableId> tables, boolean superuser) throws SQLException {
      Optional<Set<TableId>> published =
          new ReplicationSetup(c).publishedTables(config.publication());
      List<TableId> notOwned = new ArrayList<>();
      for (TableId t : tables) {
        try (PreparedStatement st =
            c.prepareStatement(
                "SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c WHERE c.oid = ?::regclass")) {
          st.setString(1, t.quoted());
          try (ResultSet rs = st.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(1)) {
              notOwned.add(t);
            }
          }
        }
      }
      if (published.isPresent()) {
        List<TableId> missing = new ArrayList<>(tables);
        missing.removeAll(published.get());
        List<TableId> cannotAdd =
            superuser ? List.of() : missing.stream().filter(notOwned::contains).toList();
        if (cannotAdd.isEmpty()) {
          checks.add(
              Check.passed(
                  "publication",
                  "publication "
                      + config.publication()
                      + " exists and will be reused"
                      + (missing.isEmpty() ? "" : "; " + missing + " will be added to it")));
        } else {
          checks.add(
              Check.failed(
                  "publication",
                  "publication "
                      + config.publication()
                      + " lacks "
                      + cannotAdd
                      + " and role "
                      + config.user()
                      + " does not own them, which adding them requires",
                  "as the tables' owner run ALTER PUBLICATION "
                      + config.publication()
                      + " ADD TABLE "
                      + String.join(", ", cannotAdd.stream().map(TableId::quoted).toList())
                      + ";"));
        }
      } else if (superuser || notOwned.isEmpty()) {
        checks.add(
            Check.passed(
                "publication", "publication " + config.publication() + " will be created"));
      } else {
        checks.add(
            Check.failed(
                "publication",
                "publication "
                    + config.publication()
                    + " does not exist and role "
                    + config.user()
                    + " does not own "
                    + notOwned
                    + ", which creating it requires",
                "as the tables' owner run CREATE PUBLICATION "
                    + config.publication()
                    + " FOR TABLE "
                    + String.join(", ", notOwned.stream().map(TableId::quoted).toList())
                    + " WITH (publish_via_partition_root = true);"));
      }
    }

    private void replicaIdentity(Map<TableId, TableInfo> infos) {
      for (TableInfo t : infos.values()) {
        boolean noKey = t.primaryKey().isEmpty();
        if (t.replicaIdentity() == 'n' || (noKey && t.replicaIdentity() == 'd')) {
          checks.add(
              Check.failed(
                  "replica identity " + t.id(),
                  "table "
                      + t.id()
                      + " has no primary key and no replica identity: once published, PostgreSQL "
                      + "would reject its UPDATEs and DELETEs",
                  "ALTER TABLE "
                      + t.id().quoted()
                      + " REPLICA IDENTITY FULL; (or add a primary key)"));
        } else if (t.hasToastable() && t.replicaIdentity() != 'f') {
          checks.add(
              Check.warning(
                  "replica identity " + t.id(),
                  "updates that leave a large (TOASTed) value unchanged will carry the placeholder "
                      + "__tributary_unavailable_value for it",
                  "for complete rows: ALTER TABLE " + t.id().quoted() + " REPLICA IDENTITY FULL;"));
        } else {
          checks.add(Check.passed("replica identity " + t.id(), "replica identity is fine"));
        }
      }
    }

    private String scalar(String sql) throws SQLException {
      try (var st = c.createStatement();
          ResultSet rs = st.executeQuery(sql)) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}

package io.tributary.postgres.slot;

import io.tributary.api.offset.Lsn;
import io.tributary.postgres.catalog.TableId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.replication.ReplicationSlotInfo;

/** Creates, finds and drops publications and replication slots. */
public final class ReplicationSetup {
  private static final Logger LOG = Logger.getLogger(ReplicationSetup.class.getName());

  private final Connection connection;

  /**
   * @param connection a regular (not replication) connection
   */
  public ReplicationSetup(Connection connection) {
    this.connection = connection;
  }

  /**
   * Creates the publication for {@code tables}, or adds the tables missing from an existing one.
   */
  public void ensurePublication(String name, List<TableId> tables) throws SQLException {
    Optional<Set<TableId>> published = publishedTables(name);
    if (published.isEmpty()) {
      String list = tables.stream().map(TableId::quoted).collect(Collectors.joining(", "));
      execute(
          "CREATE PUBLICATION "
              + TableId.quote(name)
              + " FOR TABLE "
              + list
              + " WITH (publish_via_partition_root = true)");
      LOG.info(() -> "created publication " + name + " for " + tables);
      return;
    }
    List<TableId> missing = new ArrayList<>(tables);
    missing.removeAll(published.get());
    for (TableId t : missing) {
      execute("ALTER PUBLICATION " + TableId.quote(name) + " ADD TABLE " + t.quoted());
      LOG.info(() -> "added " + t + " to publication " + name);
    }
  }

  /** The tables of a publication, or empty when the publication does not exist. */
  public Optional<Set<TableId>> publishedTables(String name) throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement("SELECT 1 FROM pg_publication WHERE pubname = ?")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
      }
    }
    Set<TableId> out = new HashSet<>();
    try (PreparedStatement st =
        connection.prepareStatement(
            "SELECT schemaname, tablename FROM pg_publication_tables WHERE pubname = ?")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new TableId(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return Optional.of(out);
  }

  public Optional<SlotInfo> findSlot(String name) throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement(
            "SELECT plugin, database, active, coalesce(active_pid, 0), confirmed_flush_lsn::text, restart_lsn::text "
                + "FROM pg_replication_slots WHERE slot_name = ?")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new SlotInfo(
                name,
                rs.getString(1),
                rs.getString(2),
                rs.getBoolean(3),
                rs.getInt(4),
                lsn(rs.getString(5)),
                lsn(rs.getString(6))));
      }
    }
  }

  private static Lsn lsn(String text) {
    return text == null ? Lsn.ZERO : Lsn.parse(text);
  }

  public void dropSlot(String name) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
      st.setString(1, name);
      st.execute();
    }
    LOG.info(() -> "dropped replication slot " + name);
  }

  /**
   * Creates a slot without snapshot (for {@code snapshot: never}) and returns its start position.
   */
  public Lsn createSlot(String name) throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement(
            "SELECT lsn::text FROM pg_create_logical_replication_slot(?, 'pgoutput')")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        Lsn lsn = Lsn.parse(rs.getString(1));
        LOG.info(() -> "created replication slot " + name + " at " + lsn);
        return lsn;
      }
    }
  }

  /**
   * Creates a slot on {@code replication} exporting a snapshot that sees exactly the data before
   * the slot's consistent point.
   */
  public static CreatedSlot createSlotWithSnapshot(Connection replication, String name)
      throws SQLException {
    var builder =
        replication
            .unwrap(PGConnection.class)
            .getReplicationAPI()
            .createReplicationSlot()
            .logical()
            .withSlotName(name)
            .withOutputPlugin("pgoutput");
    ReplicationSlotInfo info = builder.make();
    Lsn lsn = Lsn.parse(info.getConsistentPoint().asString());
    LOG.info(
        () ->
            "created replication slot "
                + name
                + " at "
                + lsn
                + " with snapshot "
                + info.getSnapshotName());
    return new CreatedSlot(lsn, info.getSnapshotName(), replication);
  }

  private void execute(String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }
}

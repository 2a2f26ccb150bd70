package io.tributary.postgres.stream;

import io.tributary.api.EncodedBatch;
import io.tributary.api.TaskContext;
import io.tributary.api.offset.Lsn;
import io.tributary.api.offset.PostgresOffset;
import io.tributary.postgres.catalog.Catalog;
import io.tributary.postgres.catalog.TableId;
import io.tributary.postgres.connection.Connections;
import io.tributary.postgres.connector.PostgresConfig;
import io.tributary.postgres.event.TextDecoder;
import io.tributary.postgres.snapshot.IncrementalSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * Streams changes from the slot: owns the replication connection, writes heartbeats, and confirms
 * the flush LSN once the engine reports the data durable.
 *
 * <p>Threading: {@link #poll} and {@link #close} on the task's thread; {@link #committed} from any
 * thread.
 */
public final class StreamingSession implements AutoCloseable {
  private final Connection replication;
  private final Connection meta;
  private final PGReplicationStream stream;
  private final ChangeStream changes;
  private final PostgresConfig config;
  private final TaskContext context;
  private final Clock clock;
  private final AtomicReference<Lsn> toConfirm = new AtomicReference<>();
  private final IncrementalSnapshot incremental;
  private static final int QUIET_AFTER_EMPTY_READS = 50;

  private Instant nextHeartbeat;
  private int emptyReads;
  private volatile boolean stopping;

  private StreamingSession(
      Connection replication,
      Connection meta,
      PGReplicationStream stream,
      ChangeStream changes,
      PostgresConfig config,
      IncrementalSnapshot incremental,
      TaskContext context) {
    this.replication = replication;
    this.meta = meta;
    this.stream = stream;
    this.changes = changes;
    this.config = config;
    this.incremental = incremental;
    this.context = context;
    this.clock = context.clock();
    this.nextHeartbeat = clock.instant().plus(config.heartbeatInterval());
  }

  /**
   * Starts streaming from {@code from}: the server sends every transaction committed at or after
   * its flush LSN (or after the slot's confirmed position, whichever is later).
   *
   * @param incremental chunks still to copy while streaming (a resumed snapshot), or null
   * @param meta a regular connection for catalog lookups and heartbeats, owned by the caller
   */
  public static StreamingSession open(
      Connections connections,
      Connection meta,
      PostgresConfig config,
      Set<TableId> tables,
      Set<Integer> oids,
      TextDecoder decoder,
      PostgresOffset from,
      IncrementalSnapshot incremental,
      TaskContext context)
      throws SQLException {
    Connection replication = connections.openReplication();
    try {
      PGReplicationStream stream =
          replication
              .unwrap(PGConnection.class)
              .getReplicationAPI()
              .replicationStream()
              .logical()
              .withSlotName(config.slot())
              .withStartPosition(LogSequenceNumber.valueOf(from.flushLsn().value()))
              .withSlotOption("proto_version", "1")
              .withSlotOption("publication_names", config.publication())
              .withSlotOption("messages", "true")
              .withStatusInterval(1, TimeUnit.SECONDS)
              // pgjdbc would otherwise confirm the server's WAL end on keepalives once everything
              // received
              // looks flushed, which can confirm a transaction of which only part is durable
              .withAutomaticFlush(false)
              .start();
      RelationCache relations =
          new RelationCache(config.pipeline(), tables, oids, new Catalog(meta));
      ChangeStream changes =
          new ChangeStream(
              stream,
              relations,
              decoder,
              config.pipeline(),
              config.database(),
              config.batchSize(),
              from,
              incremental,
              context);
      return new StreamingSession(replication, meta, stream, changes, config, incremental, context);
    } catch (SQLException | RuntimeException e) {
      replication.close();
      throw e;
    }
  }

  /** The next batch, waiting up to {@code timeout}; null when none. */
  public EncodedBatch poll(Duration timeout) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!stopping) {
      Lsn confirm = toConfirm.getAndSet(null);
      if (confirm != null) {
        changes.confirm(confirm);
      }
      if (incremental != null) {
        incremental.openNextIfIdle();
      }
      EncodedBatch b = changes.readAvailable();
      if (b != null) {
        emptyReads = 0;
        return b;
      }
      emptyReads++;
      heartbeatIfDue();
      if (System.nanoTime() > deadline) {
        return null;
      }
      // readPending() already waits up to 1 ms for data. Right after data, nap briefly so the next
      // transaction is picked up at once; once the stream has been quiet for a while, nap longer so
      // an idle pipeline costs about 1% of a core (the first change after a quiet spell waits <= 20
      // ms;
      // each empty read costs pgjdbc a socket timeout)
      LockSupport.parkNanos(emptyReads < QUIET_AFTER_EMPTY_READS ? 200_000 : 20_000_000);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
    return null;
  }

  /** The data up to {@code offset} is durable: confirm it to the server on the next poll. */
  public void committed(PostgresOffset offset) {
    toConfirm.set(offset.flushLsn());
  }

  public void stop() {
    stopping = true;
  }

  private void heartbeatIfDue() throws SQLException {
    Instant now = clock.instant();
    if (now.isBefore(nextHeartbeat)) {
      return;
    }
    nextHeartbeat = now.plus(config.heartbeatInterval());
    try (PreparedStatement st =
        meta.prepareStatement(
            "SELECT pg_logical_emit_message(false, ?, ?)::text, "
                + "pg_current_wal_lsn() - confirmed_flush_lsn, pg_current_wal_lsn() - restart_lsn "
                + "FROM pg_replication_slots WHERE slot_name = ?")) {
      st.setString(1, ChangeStream.HEARTBEAT_PREFIX);
      st.setString(2, config.pipeline());
      st.setString(3, config.slot());
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          context.lag(rs.getLong(2));
          context.retained(rs.getLong(3));
        }
      }
    }
  }

  @Override
  public void close() {
    try {
      stream.close();
    } catch (SQLException e) {
      // the connection may already be gone; closing it below is all that is left to do
    }
    try {
      replication.close();
    } catch (SQLException e) {
      // as above
    }
  }
}

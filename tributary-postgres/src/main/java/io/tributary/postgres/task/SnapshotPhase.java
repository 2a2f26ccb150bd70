package io.tributary.postgres.task;

import io.tributary.api.Batch;
import io.tributary.api.EncodedBatch;
import io.tributary.api.EncodedEvents;
import io.tributary.api.Polled;
import io.tributary.api.SourceInfo;
import io.tributary.api.TaskContext;
import io.tributary.api.envelope.BatchEncoder;
import io.tributary.api.offset.Lsn;
import io.tributary.api.offset.PostgresOffset;
import io.tributary.postgres.catalog.Catalog;
import io.tributary.postgres.catalog.TableId;
import io.tributary.postgres.catalog.TableInfo;
import io.tributary.postgres.connection.Connections;
import io.tributary.postgres.connection.ErrorClassifier;
import io.tributary.postgres.connector.PostgresConfig;
import io.tributary.postgres.connector.PostgresConfig.SnapshotMode;
import io.tributary.postgres.event.StreamNames;
import io.tributary.postgres.event.TableSchema;
import io.tributary.postgres.event.TextDecoder;
import io.tributary.postgres.slot.CreatedSlot;
import io.tributary.postgres.slot.ReplicationSetup;
import io.tributary.postgres.snapshot.Chunk;
import io.tributary.postgres.snapshot.ChunkCopier;
import io.tributary.postgres.snapshot.ChunkPlanner;
import io.tributary.postgres.snapshot.ChunkResult;
import io.tributary.postgres.snapshot.IncrementalSnapshot;
import io.tributary.postgres.snapshot.LastSnapshotEvent;
import io.tributary.postgres.snapshot.SnapshotWorkers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The snapshot: creates the slot with an exported snapshot, plans chunks, runs the workers and
 * hands each copied chunk over as one batch whose offset records the chunk as done.
 *
 * <p>An interrupted snapshot resumes with the chunks not yet recorded: while streaming, with
 * watermarks ({@link IncrementalSnapshot}); or, for {@code initial_only}, which has no stream, with
 * a plain copy under a new snapshot (see docs/adr/0003).
 */
final class SnapshotPhase implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SnapshotPhase.class.getName());

  private final SnapshotWorkers workers;
  private final PostgresOffset startOffset;
  private final Connection exporter;
  private final BatchEncoder encoder = new BatchEncoder();
  private final Set<String> tables;

  private SnapshotPhase(
      SnapshotWorkers workers,
      PostgresOffset startOffset,
      Connection exporter,
      Set<String> tables) {
    this.tables = tables;
    this.workers = workers;
    this.startOffset = startOffset;
    this.exporter = exporter;
  }

  static SnapshotPhase fresh(
      PostgresConfig config,
      Connections connections,
      ErrorClassifier errors,
      Connection meta,
      Map<TableId, TableInfo> infos,
      TextDecoder decoder,
      TaskContext context)
      throws SQLException {
    if (config.snapshot() == SnapshotMode.INITIAL_ONLY) {
      // no stream follows, so no slot is needed: a snapshot exported from a plain transaction is
      // as consistent, and creating a slot would wait for every running transaction to end
      return withoutSlot(config, connections, errors, meta, infos, decoder, null, context);
    }
    Connection replication = connections.openReplication();
    CreatedSlot slot;
    try {
      slot = ReplicationSetup.createSlotWithSnapshot(replication, config.slot());
    } catch (SQLException | RuntimeException e) {
      replication.close();
      throw e;
    }
    PostgresOffset start = PostgresOffset.snapshotStarting(slot.consistentPoint(), Set.of());
    SnapshotWorkers workers = null;
    List<Chunk> chunks;
    try {
      chunks = plan(config, meta, infos, Set.of());
      workers = workers(config, connections, errors, infos, decoder, context, chunks, slot);
      workers.start(config.snapshotWorkers());
    } catch (SQLException | RuntimeException e) {
      if (workers != null) {
        workers.close();
      }
      replication.close();
      // nothing was captured from this slot yet: leave nothing half-created behind
      new ReplicationSetup(meta).dropSlot(config.slot());
      throw e;
    }
    // every worker imported the snapshot, and the slot outlives this connection
    replication.close();
    logStart(config, infos, chunks, slot.consistentPoint());
    return new SnapshotPhase(workers, start, null, names(infos));
  }

  /**
   * A snapshot without a slot, exported from a repeatable-read transaction of its own (kept open
   * until the snapshot phase closes), for {@code initial_only}: all of it when {@code from} is
   * null, else — resuming after an interruption — the chunks {@code from} has not recorded as done.
   */
  static SnapshotPhase withoutSlot(
      PostgresConfig config,
      Connections connections,
      ErrorClassifier errors,
      Connection meta,
      Map<TableId, TableInfo> infos,
      TextDecoder decoder,
      PostgresOffset from,
      TaskContext context)
      throws SQLException {
    Connection exporter = connections.open("snapshot-export");
    SnapshotWorkers workers = null;
    try {
      exporter.setAutoCommit(false);
      String snapshotName;
      Lsn at;
      try (Statement st = exporter.createStatement()) {
        st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        ResultSet rs =
            st.executeQuery(
                "SELECT pg_export_snapshot(), CASE WHEN pg_is_in_recovery() "
                    + "THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END");
        rs.next();
        snapshotName = rs.getString(1);
        at = Lsn.parse(rs.getString(2));
      }
      PostgresOffset start = from != null ? from : PostgresOffset.snapshotStarting(at, Set.of());
      List<Chunk> chunks = plan(config, meta, infos, start.chunksDone());
      workers =
          workers(
              config,
              connections,
              errors,
              infos,
              decoder,
              context,
              chunks,
              new CreatedSlot(start.slotLsn(), snapshotName, exporter));
      workers.start(config.snapshotWorkers());
      if (from == null) {
        logStart(config, infos, chunks, at);
      } else {
        LOG.info(
            () -> config.pipeline() + ": resuming snapshot, " + chunks.size() + " chunk(s) left");
      }
      return new SnapshotPhase(workers, start, exporter, names(infos));
    } catch (SQLException | RuntimeException e) {
      if (workers != null) {
        workers.close();
      }
      exporter.close();
      throw e;
    }
  }

  private static void logStart(
      PostgresConfig config, Map<TableId, TableInfo> infos, List<Chunk> chunks, Lsn at) {
    LOG.info(
        () ->
            config.pipeline()
                + ": snapshot of "
                + infos.size()
                + " table(s) in "
                + chunks.size()
                + " chunk(s) at "
                + at);
  }

  private static List<Chunk> plan(
      PostgresConfig config, Connection meta, Map<TableId, TableInfo> infos, Set<String> done)
      throws SQLException {
    Catalog catalog = new Catalog(meta);
    ChunkPlanner planner = new ChunkPlanner(meta, config.snapshotChunkRows());
    List<Chunk> chunks = new ArrayList<>();
    for (TableInfo t : infos.values()) {
      for (TableId leaf : catalog.leaves(t.id())) {
        chunks.addAll(ChunkPlanner.remaining(planner.plan(t.id(), leaf), leafDone(done, leaf)));
      }
    }
    return chunks;
  }

  private static List<String> leafDone(Set<String> done, TableId leaf) {
    String prefix = leaf + ":";
    return done.stream().filter(id -> id.startsWith(prefix)).toList();
  }

  private static SnapshotWorkers workers(
      PostgresConfig config,
      Connections connections,
      ErrorClassifier errors,
      Map<TableId, TableInfo> infos,
      TextDecoder decoder,
      TaskContext context,
      List<Chunk> chunks,
      CreatedSlot slot) {
    Map<String, Long> estimates = new HashMap<>();
    infos.values().forEach(t -> estimates.put(t.id().toString(), t.estimatedRows()));
    return new SnapshotWorkers(
        connections,
        errors,
        slot.snapshotName(),
        chunks,
        copier(config, infos, decoder, slot.consistentPoint(), context),
        estimates,
        context);
  }

  /** Reads chunks of {@code infos}' tables into read events whose source names {@code lsn}. */
  static ChunkCopier copier(
      PostgresConfig config,
      Map<TableId, TableInfo> infos,
      TextDecoder decoder,
      Lsn lsn,
      TaskContext context) {
    Map<String, TableSchema> schemas = new HashMap<>();
    Map<String, SourceInfo> sources = new HashMap<>();
    long now = context.clock().millis();
    for (TableInfo t : infos.values()) {
      List<String> columns = t.columnNames();
      int[] types = t.columns().stream().mapToInt(TableInfo.Column::typeOid).toArray();
      schemas.put(
          t.id().toString(),
          TableSchema.of(
              t.id(),
              StreamNames.of(config.pipeline(), t.id()),
              columns,
              types,
              TableSchema.keyIndexes(columns, t.primaryKey())));
      Map<String, Object> position = new LinkedHashMap<>();
      position.put("txId", null);
      position.put("lsn", lsn.value());
      sources.put(
          t.id().toString(),
          new SourceInfo(
              "postgresql",
              config.pipeline(),
              config.database(),
              t.id().schema(),
              t.id().table(),
              now,
              "true",
              position));
    }
    return new ChunkCopier(schemas, sources, decoder);
  }

  /**
   * The chunks not in {@code from}, to be copied with watermarks while streaming.
   *
   * @param marker recorded as done with the tables on completion (a re-snapshot request), or null
   */
  static IncrementalSnapshot incremental(
      PostgresConfig config,
      Connection meta,
      Map<TableId, TableInfo> infos,
      TextDecoder decoder,
      PostgresOffset from,
      TaskContext context,
      String marker)
      throws SQLException {
    List<Chunk> chunks = plan(config, meta, infos, from.chunksDone());
    LOG.info(
        () ->
            config.pipeline()
                + ": snapshot of "
                + chunks.size()
                + " chunk(s), copied with watermarks while streaming");
    Set<String> alsoDone = new java.util.TreeSet<>(names(infos));
    if (marker != null) {
      alsoDone.add(marker);
    }
    return new IncrementalSnapshot(
        chunks,
        copier(config, infos, decoder, from.slotLsn(), context),
        meta,
        context.clock(),
        alsoDone);
  }

  private static Set<String> names(Map<TableId, TableInfo> infos) {
    return infos.keySet().stream().map(TableId::toString).collect(Collectors.toSet());
  }

  PostgresOffset startOffset() {
    return startOffset;
  }

  /**
   * The next chunk as a batch whose offset includes it; the last one also marks the snapshot done.
   */
  Polled poll(Duration timeout, PostgresOffset current) throws InterruptedException {
    if (workers.remaining() == 0) {
      return Batch.of(List.of(), current.withSnapshotDone(tables));
    }
    ChunkResult r = workers.next(timeout);
    if (r == null) {
      return null;
    }
    PostgresOffset next =
        current.withChunksDone(ChunkPlanner.withDone(current.chunksDone(), r.chunk()));
    if (workers.remaining() == 0) {
      return new EncodedBatch(markLast(r), next.withSnapshotDone(tables), false);
    }
    return new EncodedBatch(r.events(), next, false);
  }

  private EncodedEvents markLast(ChunkResult r) {
    if (r.last() != null) {
      r.events().removeLast();
      r.events().add(encoder.encode(LastSnapshotEvent.mark(List.of(r.last())).getFirst()));
    }
    return r.events();
  }

  @Override
  public void close() {
    workers.close();
    if (exporter != null) {
      try {
        exporter.close();
      } catch (SQLException e) {
        // the snapshot is over; nothing depends on this connection anymore
      }
    }
  }
}

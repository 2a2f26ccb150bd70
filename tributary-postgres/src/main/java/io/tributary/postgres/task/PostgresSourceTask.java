package io.tributary.postgres.task;

import io.tributary.api.Batch;
import io.tributary.api.EncodedBatch;
import io.tributary.api.FatalException;
import io.tributary.api.Phase;
import io.tributary.api.Polled;
import io.tributary.api.SnapshotRequest;
import io.tributary.api.SourceTask;
import io.tributary.api.TaskContext;
import io.tributary.api.envelope.BatchEncoder;
import io.tributary.api.offset.PostgresOffset;
import io.tributary.api.offset.SourceOffset;
import io.tributary.postgres.catalog.Catalog;
import io.tributary.postgres.catalog.TableId;
import io.tributary.postgres.catalog.TableInfo;
import io.tributary.postgres.connection.Connections;
import io.tributary.postgres.connection.ErrorClassifier;
import io.tributary.postgres.connector.PostgresConfig;
import io.tributary.postgres.connector.PostgresConfig.SnapshotMode;
import io.tributary.postgres.event.TextDecoder;
import io.tributary.postgres.slot.ReplicationSetup;
import io.tributary.postgres.slot.SlotInfo;
import io.tributary.postgres.snapshot.IncrementalSnapshot;
import io.tributary.postgres.stream.StreamingSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Captures one PostgreSQL database for one pipeline: a consistent snapshot of the tables (when
 * wanted and not done yet), then the change stream from the slot.
 */
public final class PostgresSourceTask implements SourceTask {
  private static final Logger LOG = Logger.getLogger(PostgresSourceTask.class.getName());

  private final PostgresConfig config;
  private final TaskContext context;
  private final Connections connections;
  private final ErrorClassifier errors;
  private Connection meta;
  private TextDecoder decoder;
  private Map<TableId, TableInfo> infos;
  private SnapshotPhase snapshot;
  private volatile StreamingSession streaming;
  private PostgresOffset offset;
  private boolean snapshotting;
  private boolean finished;
  private volatile boolean stopping;

  public PostgresSourceTask(PostgresConfig config, TaskContext context) {
    this.config = config;
    this.context = context;
    this.connections = new Connections(config);
    this.errors = new ErrorClassifier(config);
  }

  @Override
  public void start(Optional<SourceOffset> committed) throws InterruptedException {
    try {
      meta = connections.open("meta");
      Catalog catalog = new Catalog(meta);
      Catalog.Resolution r = catalog.resolve(config.tables());
      if (!r.unmatched().isEmpty()) {
        throw new FatalException(
            "no table matches "
                + r.unmatched()
                + " in database "
                + config.database()
                + "; fix source.tables (schema.table, e.g. public.orders or public.*)");
      }
      infos = catalog.describe(r.tables());
      decoder = TypeSupport.decoder(meta);
      LOG.fine(() -> config.pipeline() + ": tables and types read");
      ReplicationSetup setup = new ReplicationSetup(meta);
      setup.ensurePublication(config.publication(), r.tables());
      if (committed.isPresent()) {
        resume(setup, (PostgresOffset) committed.get());
      } else {
        begin(setup);
      }
    } catch (SQLException e) {
      throw errors.classify("starting capture", e);
    }
  }

  private void resume(ReplicationSetup setup, PostgresOffset from) throws SQLException {
    offset = from;
    Map<TableId, TableInfo> pending = pendingSnapshot(from);
    if (config.snapshot() == SnapshotMode.INITIAL_ONLY) {
      if (pending.isEmpty()) {
        LOG.info(() -> config.pipeline() + ": the snapshot is already complete; nothing to do");
        finished = true;
        return;
      }
      // initial_only never has a slot (no stream follows): the rest is copied under a new snapshot
      offset = from.snapshotDone() ? from.withSnapshotRunning() : from;
      snapshot =
          SnapshotPhase.withoutSlot(
              config, connections, errors, meta, pending, decoder, offset, context);
      context.phase(Phase.SNAPSHOTTING);
      return;
    }
    if (setup.findSlot(config.slot()).isEmpty()) {
      throw new FatalException(
          "replication slot "
              + config.slot()
              + " is gone, so the changes since "
              + from.flushLsn()
              + " cannot be read anymore. To start over with a fresh snapshot, stop Tributary and "
              + "delete this pipeline's log directory (or choose a new pipeline name).");
    }
    if (pending.isEmpty()) {
      startStreaming(null);
      return;
    }
    if (from.snapshotDone()) {
      LOG.info(
          () ->
              config.pipeline()
                  + ": tables added since the last run: "
                  + pending.keySet()
                  + "; copying their rows while streaming");
      offset = from.withSnapshotRunning();
    }
    IncrementalSnapshot incremental =
        SnapshotPhase.incremental(
            config,
            meta,
            pending,
            decoder,
            offset,
            context,
            requested(from).map(SourceTaskMarkers::of).orElse(null));
    if (incremental.done()) {
      offset = offset.withSnapshotDone(incremental.tables());
      startStreaming(null);
      return;
    }
    startStreaming(incremental);
  }

  /**
   * The captured tables whose snapshot is not complete (none with {@code snapshot: never}), and
   * those a re-snapshot request not yet carried out asks for.
   */
  private Map<TableId, TableInfo> pendingSnapshot(PostgresOffset from) {
    Map<TableId, TableInfo> pending = new LinkedHashMap<>();
    Optional<SnapshotRequest> request = requested(from);
    infos.forEach(
        (id, info) -> {
          boolean missing =
              config.snapshot() != SnapshotMode.NEVER && !from.tableDone(id.toString());
          if (missing || request.filter(r -> r.covers(id.toString())).isPresent()) {
            pending.put(id, info);
          }
        });
    return pending;
  }

  /** The user's re-snapshot request, unless {@code from} records it as carried out. */
  private Optional<SnapshotRequest> requested(PostgresOffset from) {
    return context
        .snapshotRequest()
        .filter(r -> !from.tablesDone().contains(SourceTaskMarkers.of(r)));
  }

  private void begin(ReplicationSetup setup) throws SQLException {
    Optional<SlotInfo> slot = setup.findSlot(config.slot());
    if (slot.isPresent() && !config.database().equals(slot.get().database())) {
      throw new FatalException(
          "replication slot "
              + config.slot()
              + " belongs to database "
              + slot.get().database()
              + ", not "
              + config.database()
              + "; choose another source.slot");
    }
    if (config.snapshot() == SnapshotMode.NEVER) {
      var lsn = slot.isPresent() ? slot.get().confirmedFlush() : setup.createSlot(config.slot());
      offset = PostgresOffset.afterSnapshot(lsn);
      startStreaming(null);
      return;
    }
    if (slot.isPresent()) {
      // nothing was ever committed from this slot, so its position is worthless for a snapshot
      LOG.info(
          () ->
              "slot "
                  + config.slot()
                  + " exists but nothing was captured yet: recreating it for a snapshot");
      setup.dropSlot(config.slot());
    }
    snapshot = SnapshotPhase.fresh(config, connections, errors, meta, infos, decoder, context);
    offset = snapshot.startOffset();
    context.phase(Phase.SNAPSHOTTING);
  }

  /** The captured tables' OIDs: a table renamed while captured is still recognised by it. */
  private Set<Integer> oids() {
    return infos.values().stream().map(t -> (int) t.oid()).collect(Collectors.toSet());
  }

  private void startStreaming(IncrementalSnapshot incremental) throws SQLException {
    streaming =
        StreamingSession.open(
            connections,
            meta,
            config,
            infos.keySet(),
            oids(),
            decoder,
            offset,
            incremental,
            context);
    snapshotting = incremental != null;
    context.phase(snapshotting ? Phase.SNAPSHOTTING : Phase.STREAMING);
  }

  @Override
  public Polled poll(Duration timeout) throws InterruptedException {
    if (stopping) {
      return null;
    }
    if (finished) {
      return new Batch(List.of(), offset, true);
    }
    try {
      if (snapshot != null) {
        return pollSnapshot(timeout);
      }
      EncodedBatch b = streaming.poll(timeout);
      if (snapshotting && b != null && ((PostgresOffset) b.offset()).snapshotDone()) {
        snapshotting = false;
        context.phase(Phase.STREAMING);
        LOG.info(() -> config.pipeline() + ": resumed snapshot complete");
      }
      return b;
    } catch (SQLException e) {
      throw errors.classify("capturing changes", e);
    }
  }

  private Polled pollSnapshot(Duration timeout) throws InterruptedException, SQLException {
    Polled b = snapshot.poll(timeout, offset);
    if (b == null) {
      return null;
    }
    offset = (PostgresOffset) b.offset();
    if (offset.snapshotDone()) {
      snapshot.close();
      snapshot = null;
      LOG.info(() -> config.pipeline() + ": snapshot complete");
      if (config.snapshot() == SnapshotMode.INITIAL_ONLY) {
        return new EncodedBatch(new BatchEncoder().encode(b).events(), offset, true);
      }
      startStreaming(null);
    }
    return b;
  }

  @Override
  public void committed(SourceOffset offset) {
    StreamingSession s = streaming;
    if (s != null) {
      s.committed((PostgresOffset) offset);
    }
  }

  @Override
  public void stop() {
    stopping = true;
    StreamingSession s = streaming;
    if (s != null) {
      s.stop();
    }
  }

  @Override
  public void close() {
    if (snapshot != null) {
      snapshot.close();
    }
    if (streaming != null) {
      streaming.close();
    }
    if (meta != null) {
      try {
        meta.close();
      } catch (SQLException e) {
        // already broken; nothing to release
      }
    }
  }
}

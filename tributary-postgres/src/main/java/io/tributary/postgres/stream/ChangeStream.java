package io.tributary.postgres.stream;

import io.tributary.api.ChangeEvent;
import io.tributary.api.EncodedBatch;
import io.tributary.api.EncodedEvents;
import io.tributary.api.FatalException;
import io.tributary.api.Op;
import io.tributary.api.Row;
import io.tributary.api.SourceInfo;
import io.tributary.api.TaskContext;
import io.tributary.api.TransactionInfo;
import io.tributary.api.Unavailable;
import io.tributary.api.offset.Lsn;
import io.tributary.api.offset.PostgresOffset;
import io.tributary.postgres.event.MemoryBudget;
import io.tributary.postgres.event.TableSchema;
import io.tributary.postgres.event.TextDecoder;
import io.tributary.postgres.pgoutput.Begin;
import io.tributary.postgres.pgoutput.Commit;
import io.tributary.postgres.pgoutput.Delete;
import io.tributary.postgres.pgoutput.Insert;
import io.tributary.postgres.pgoutput.LogicalMessage;
import io.tributary.postgres.pgoutput.PgOutputDecoder;
import io.tributary.postgres.pgoutput.PgOutputMessage;
import io.tributary.postgres.pgoutput.Relation;
import io.tributary.postgres.pgoutput.Truncate;
import io.tributary.postgres.pgoutput.TupleData;
import io.tributary.postgres.pgoutput.Update;
import io.tributary.postgres.snapshot.ChunkPlanner;
import io.tributary.postgres.snapshot.IncrementalSnapshot;
import io.tributary.postgres.snapshot.LastSnapshotEvent;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * Turns the pgoutput message stream into batches of events. Batches end at transaction boundaries
 * when possible, and inside a large transaction once {@code batchSize} events or {@link
 * #MAX_BATCH_BYTES} are pending; either way the batch's offset says exactly how much of the
 * transaction it holds.
 *
 * <p>Threading: used by the task's thread only.
 */
final class ChangeStream {
  static final String HEARTBEAT_PREFIX = "tributary_heartbeat";
  private static final long MAX_BATCH_DELAY_NANOS = 1_000_000;

  /**
   * A batch ends once its events take this many bytes, whatever {@code batchSize} says: 4,096 rows
   * of 70 KB documents would be 290 MB, and the engine holds a few batches at once (ADR 0008).
   */
  static final int MAX_BATCH_BYTES = 4 << 20;

  private final PGReplicationStream stream;
  private final RelationCache relations;
  private final TextDecoder decoder;
  private final String pipeline;
  private final String database;
  private final int batchSize;
  private final ResumePoint resume;
  private final PgOutputDecoder messages = new PgOutputDecoder();
  private final TaskContext context;
  private final IncrementalSnapshot incremental;
  private PostgresOffset offset;
  private TransactionState tx;
  private final ChangeWriter writer;
  private EncodedEvents events = new EncodedEvents();
  private boolean offsetMoved;

  ChangeStream(
      PGReplicationStream stream,
      RelationCache relations,
      TextDecoder decoder,
      String pipeline,
      String database,
      int batchSize,
      PostgresOffset start,
      IncrementalSnapshot incremental,
      TaskContext context) {
    this.stream = stream;
    this.relations = relations;
    this.decoder = decoder;
    this.pipeline = pipeline;
    this.database = database;
    this.batchSize = batchSize;
    this.offset = start;
    this.resume = new ResumePoint(start);
    this.context = context;
    this.incremental = incremental;
    this.writer = new ChangeWriter(decoder);
  }

  /**
   * Reads what the server has sent, without blocking: a batch when events are ready (or the offset
   * moved), else null.
   */
  EncodedBatch readAvailable() throws SQLException {
    long started = System.nanoTime();
    while (true) {
      ByteBuffer buf = stream.readPending();
      if (buf == null) {
        return takeBatch();
      }
      if (buf.remaining() > MemoryBudget.HELD_BYTES) {
        throw tooLarge(buf);
      }
      handle(messages.decode(buf));
      if (events.size() >= batchSize || events.byteSize() >= MAX_BATCH_BYTES) {
        return takeBatch();
      }
      // under a steady stream of small transactions the socket is never empty: hand over what is
      // there at the next transaction boundary rather than let latency grow with the batch
      if (tx == null && !events.isEmpty() && System.nanoTime() - started > MAX_BATCH_DELAY_NANOS) {
        return takeBatch();
      }
    }
  }

  private EncodedBatch takeBatch() {
    PostgresOffset at;
    if (tx != null) {
      if (events.isEmpty()) {
        return null;
      }
      at = offset.inTransaction(tx.commitLsn, tx.events(), false);
    } else {
      if (events.isEmpty() && !offsetMoved) {
        return null;
      }
      at = offset;
    }
    EncodedBatch b = new EncodedBatch(events, at, false);
    // sized like the last batch, in whole 64 KiB, so that recycled buffers fit the next ones
    int lastBatchBytes = events.byteSize();
    events = new EncodedEvents(Math.max(16, b.size()), ((lastBatchBytes >> 16) + 1) << 16);
    offsetMoved = false;
    return b;
  }

  void confirm(Lsn flushed) {
    LogSequenceNumber lsn = LogSequenceNumber.valueOf(flushed.value());
    stream.setFlushedLSN(lsn);
    stream.setAppliedLSN(lsn);
  }

  private void handle(PgOutputMessage message) throws SQLException {
    switch (message) {
      case Begin b ->
          tx =
              new TransactionState(
                  b.finalLsn(),
                  b.xid(),
                  b.commitTimeMicros() / 1000,
                  resume.eventsToSkip(b.finalLsn()));
      case Commit c -> commitTransaction();
      case Relation r -> relations.update(r);
      case Insert i -> change(i.relationOid(), Op.CREATE, null, false, i.newTuple());
      case Update u ->
          change(
              u.relationOid(),
              Op.UPDATE,
              u.oldTuple(),
              u.oldKind() == Update.OLD_ROW,
              u.newTuple());
      case Delete d -> delete(d);
      case Truncate t -> truncate(t);
      case LogicalMessage m -> message(m);
      default -> {} // Origin and Type carry nothing we need: types are looked up by OID
    }
  }

  private void commitTransaction() {
    if (tx != null && tx.skip != Long.MAX_VALUE) {
      offset = offset.inTransaction(tx.commitLsn, tx.events(), true);
      offsetMoved |= tx.events() > 0;
    }
    tx = null;
  }

  private void message(LogicalMessage m) {
    if (m.transactional() || tx != null) {
      return;
    }
    if (m.prefix().equals(IncrementalSnapshot.WATERMARK_PREFIX)) {
      watermark(m);
    } else if (m.prefix().equals(HEARTBEAT_PREFIX) && !resume.covers(m.lsn())) {
      offset = offset.inTransaction(m.lsn(), 0, true);
      offsetMoved = true;
    }
  }

  /**
   * The high watermark of a chunk: its remaining rows go out now, and the chunk is recorded done.
   */
  private void watermark(LogicalMessage m) {
    IncrementalSnapshot.Completed done =
        incremental == null ? null : incremental.onWatermark(m.contentAsString());
    if (done == null) {
      return;
    }
    for (ChangeEvent e : done.last() ? LastSnapshotEvent.mark(done.rows()) : done.rows()) {
      writer.write(e, events);
    }
    offset =
        offset
            .inTransaction(m.lsn(), 0, true)
            .withChunksDone(ChunkPlanner.withDone(offset.chunksDone(), done.chunk()));
    if (done.last()) {
      offset = offset.withSnapshotDone(incremental.tables());
    }
    offsetMoved = true;
  }

  private void change(int oid, Op op, TupleData oldTuple, boolean oldIsRow, TupleData newTuple) {
    TableSchema schema = relations.get(oid);
    if (schema == null || tx == null || !tx.next()) {
      return;
    }
    Emitted e = emitted(schema);
    if (wroteFast(schema, op, oldIsRow ? oldTuple : null, newTuple, e)) {
      return;
    }
    Object[] old = oldTuple == null ? null : values(schema, oldTuple, null);
    Object[] after = values(schema, newTuple, oldIsRow ? old : null);
    if (incremental != null) {
      incremental.onChange(schema, old, after);
    }
    emit(schema, e, op, schema.key(after), oldIsRow ? schema.row(old) : null, schema.row(after));
  }

  private void delete(Delete d) {
    TableSchema schema = relations.get(d.relationOid());
    if (schema == null || tx == null || !tx.next()) {
      return;
    }
    Emitted e = emitted(schema);
    if (wroteFast(schema, Op.DELETE, d.oldTuple(), null, e)) {
      return;
    }
    Object[] before = values(schema, d.oldTuple(), null);
    if (incremental != null) {
      incremental.onChange(schema, before, null);
    }
    emit(schema, e, Op.DELETE, schema.key(before), schema.row(before), null);
  }

  /**
   * Capture stopping with advice at a message too large for the heap, before it is decoded (which
   * copies it) and written: named by its table when it is a change (type byte, then the relation).
   */
  private FatalException tooLarge(ByteBuffer message) {
    int at = message.position();
    byte type = message.get(at);
    TableSchema schema =
        (type == 'I' || type == 'U' || type == 'D') && message.remaining() >= 5
            ? relations.get(message.getInt(at + 1))
            : null;
    return MemoryBudget.tooLarge(
        (schema == null ? "a message" : "a change to " + schema.id())
            + (tx == null
                ? ""
                : " in transaction " + tx.xid + " (commit LSN " + tx.commitLsn + ")"),
        message.remaining(),
        MemoryBudget.HELD_BYTES);
  }

  private void truncate(Truncate t) {
    for (int oid : t.relationOids()) {
      TableSchema schema = relations.get(oid);
      if (schema != null && tx != null && tx.next()) {
        if (incremental != null) {
          incremental.onTruncate(schema);
        }
        emit(schema, emitted(schema), Op.TRUNCATE, null, null, null);
      }
    }
  }

  /**
   * Writes the change straight from its tuples ({@link ChangeWriter}), unless an incremental
   * snapshot still running needs its decoded values or the change needs decoding: false then,
   * nothing written.
   */
  private boolean wroteFast(
      TableSchema schema, Op op, TupleData before, TupleData after, Emitted e) {
    return (incremental == null || incremental.done())
        && writer.write(
            schema, op, before, after, e.source, e.transaction, e.tsMs, e.idempotencyKey, events);
  }

  /** What an event of the current transaction says of where and when it happened. */
  private record Emitted(
      SourceInfo source, TransactionInfo transaction, long tsMs, String idempotencyKey) {}

  /** The source, transaction and keys of the transaction's next event (call once per event). */
  private Emitted emitted(TableSchema schema) {
    Map<String, Object> position = new LinkedHashMap<>(4);
    position.put("txId", tx.xid);
    position.put("lsn", stream.getLastReceiveLSN().asLong());
    SourceInfo source =
        new SourceInfo(
            "postgresql",
            pipeline,
            database,
            schema.id().schema(),
            schema.id().table(),
            tx.commitTimeMs,
            "false",
            position);
    return new Emitted(
        source, tx.info(schema.stream()), context.clock().millis(), tx.idempotencyKey());
  }

  private void emit(TableSchema schema, Emitted e, Op op, Row key, Row before, Row after) {
    writer.write(
        new ChangeEvent(
            schema.stream(),
            op,
            key,
            before,
            after,
            e.source,
            e.transaction,
            e.tsMs,
            e.idempotencyKey),
        events);
  }

  /**
   * Converts a tuple. An unchanged TOASTed value is taken from the old row when the server sent it
   * (replica identity FULL), else it stays {@link Unavailable#VALUE}.
   */
  private Object[] values(TableSchema schema, TupleData tuple, Object[] old) {
    int[] types = schema.typeOids();
    int n = Math.min(tuple.size(), types.length);
    Object[] out = new Object[types.length];
    for (int i = 0; i < n; i++) {
      Object v = tuple.value(i);
      if (v instanceof String s) {
        out[i] = decoder.decode(types[i], s);
      } else if (v == Unavailable.VALUE && old != null && old[i] != Unavailable.VALUE) {
        out[i] = old[i];
      } else {
        out[i] = v;
      }
    }
    return out;
  }
}

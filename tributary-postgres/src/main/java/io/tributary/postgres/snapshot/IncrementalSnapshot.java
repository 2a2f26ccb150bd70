package io.tributary.postgres.snapshot;

import io.tributary.api.ChangeEvent;
import io.tributary.postgres.event.TableSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Copies chunks while the change stream runs, with DBLog's watermarks: write a low watermark into
 * the WAL, copy the chunk, write a high watermark. When the stream reaches the low watermark, every
 * streamed change to a row of the chunk removes that row from the copy (the stream has the newer
 * version); at the high watermark the rows left are emitted as reads, in stream order. So the copy
 * never overwrites a newer change and needs no lock and no common snapshot with other chunks.
 *
 * <p>Threading: the task's thread only.
 */
public final class IncrementalSnapshot {
  public static final String WATERMARK_PREFIX = "tributary_watermark";

  /** Prefix of the transactional message that flushes the WAL after a chunk's watermarks. */
  static final String FLUSH_PREFIX = "tributary_flush";

  private final Deque<Chunk> remaining;
  private final ChunkCopier copier;
  private final Connection connection;
  private final Clock clock;
  private final Set<String> tables;
  private Open open;

  /** A chunk between its watermarks. */
  private static final class Open {
    final Chunk chunk;
    final String id = UUID.randomUUID().toString();
    final Map<List<Object>, ChangeEvent> rows = new LinkedHashMap<>();
    TableSchema schema;
    boolean inWindow;

    Open(Chunk chunk) {
      this.chunk = chunk;
    }
  }

  /** The rows of a chunk left after its window closed, and whether it was the last chunk. */
  public record Completed(Chunk chunk, List<ChangeEvent> rows, boolean last) {}

  /**
   * @param connection a regular autocommit connection: each COPY reads the latest committed data
   * @param alsoDone names recorded as done with the copied tables when the snapshot completes: the
   *     tables whose chunks were all copied before a restart, and a re-snapshot request's marker
   */
  public IncrementalSnapshot(
      List<Chunk> chunks,
      ChunkCopier copier,
      Connection connection,
      Clock clock,
      Set<String> alsoDone) {
    this.remaining = new ArrayDeque<>(chunks);
    Set<String> done =
        chunks.stream()
            .map(c -> c.root().toString())
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    done.addAll(alsoDone);
    this.tables = Set.copyOf(done);
    this.copier = copier;
    this.connection = connection;
    this.clock = clock;
  }

  /**
   * What is done once this snapshot completes: the tables it copies (qualified names) and markers.
   */
  public Set<String> tables() {
    return tables;
  }

  public boolean done() {
    return open == null && remaining.isEmpty();
  }

  /** Starts the next chunk unless one is open: low watermark, copy, high watermark. */
  public void openNextIfIdle() throws SQLException {
    if (open != null || remaining.isEmpty()) {
      return;
    }
    Open next = new Open(remaining.peekFirst());
    next.schema = copier.schema(next.chunk);
    watermark("low:" + next.id);
    for (ChangeEvent e : copier.copy(connection, next.chunk, clock.millis())) {
      next.rows.put(identity(next.schema, e.after().values().toArray()), e);
    }
    watermark("high:" + next.id);
    flushWal();
    remaining.removeFirst();
    open = next;
  }

  /**
   * A streamed change to a row of {@code schema}'s table, with the row's values before (may be
   * null) and after (null for deletes); inside a window it evicts the row from the copy.
   */
  public void onChange(TableSchema schema, Object[] before, Object[] after) {
    Open o = open;
    if (o == null || !o.inWindow || !o.schema.stream().equals(schema.stream())) {
      return;
    }
    if (before != null) {
      o.rows.remove(identity(o.schema, before));
    }
    if (after != null) {
      o.rows.remove(identity(o.schema, after));
    }
  }

  /** A truncate inside a window empties the copy of that table. */
  public void onTruncate(TableSchema schema) {
    Open o = open;
    if (o != null && o.inWindow && o.schema.stream().equals(schema.stream())) {
      o.rows.clear();
    }
  }

  /** Handles a watermark message; returns the completed chunk at its high watermark, else null. */
  public Completed onWatermark(String content) {
    Open o = open;
    if (o == null) {
      return null;
    }
    if (content.equals("low:" + o.id)) {
      o.inWindow = true;
      return null;
    }
    if (content.equals("high:" + o.id)) {
      open = null;
      return new Completed(o.chunk, new ArrayList<>(o.rows.values()), remaining.isEmpty());
    }
    return null; // a watermark of an earlier, interrupted run
  }

  /** Rows are identified by their key, or by all their values when the table has no key. */
  private static List<Object> identity(TableSchema schema, Object[] values) {
    int[] key = schema.keyIndexes();
    if (key.length == 0) {
      return Arrays.asList(values.clone());
    }
    Object[] k = new Object[key.length];
    for (int i = 0; i < key.length; i++) {
      k[i] = values[key[i]];
    }
    return Arrays.asList(k);
  }

  /**
   * Makes the watermarks reach the stream now. A non-transactional message is written to the WAL
   * but not flushed, and the walsender sends only flushed WAL: the watermarks waited for the WAL
   * writer (wal_writer_delay, 200 ms by default), so each chunk took ~0.2 s — 18 s for 88 chunks of
   * 5,000 rows. Committing a transactional message flushes the WAL up to its commit, watermarks
   * included; the stream ignores transactional messages.
   */
  private void flushWal() throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement("SELECT pg_logical_emit_message(true, ?, '')")) {
      st.setString(1, FLUSH_PREFIX);
      st.execute();
    }
  }

  private void watermark(String content) throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement("SELECT pg_logical_emit_message(false, ?, ?)")) {
      st.setString(1, WATERMARK_PREFIX);
      st.setString(2, content);
      st.execute();
    }
  }
}

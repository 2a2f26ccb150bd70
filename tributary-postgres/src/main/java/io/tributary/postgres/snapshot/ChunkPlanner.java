package io.tributary.postgres.snapshot;

import io.tributary.postgres.catalog.TableId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Splits tables into page-range chunks of about {@code chunkRows} rows each, and of at most about
 * {@link #PLANNED_CHUNK_BYTES} of events: a chunk is held in memory whole until it is written
 * (atomically), so wide rows make smaller chunks whatever {@code snapshot_chunk_rows} says. Ranges
 * cover every page: the last chunk of a leaf is open-ended, so rows on pages added after planning
 * are not missed.
 */
public final class ChunkPlanner {
  /**
   * The most event bytes a chunk is planned to hold. Up to about seven chunks are in memory at once
   * (one being copied and one done per worker, one being queued, the engine's queue, the one being
   * written), which must fit the default 128 MiB heap with room to spare.
   */
  static final long PLANNED_CHUNK_BYTES = 4L << 20;

  /** Event bytes per row besides the values: the envelope's source block, field names, key. */
  static final int ENVELOPE_BYTES_PER_ROW = 400;

  private static final int SAMPLE_PAGES = 20;
  private static final int SAMPLE_ROWS = 200;

  private final Connection connection;
  private final int chunkRows;

  public ChunkPlanner(Connection connection, int chunkRows) {
    this.connection = connection;
    this.chunkRows = chunkRows;
  }

  /**
   * What planning knows of a table's pages.
   *
   * @param pages heap pages
   * @param tuplesPerPage rows per page, from the statistics
   * @param rowBytes a row's text, in bytes, on average: measured on a sample, because values stored
   *     compressed or out of line (TOAST) take many times their stored size as events
   */
  record PageStats(long pages, double tuplesPerPage, double rowBytes) {
    /** Without a sample: a page's 8 KiB shared by its rows. */
    static PageStats heapOnly(long pages, double tuplesPerPage) {
      return new PageStats(pages, tuplesPerPage, 8192 / Math.max(tuplesPerPage, 1.0));
    }

    /** About how many event bytes a page's rows make (JSON adds field names and quotes). */
    double eventBytesPerPage() {
      return tuplesPerPage * (rowBytes * 1.25 + ENVELOPE_BYTES_PER_ROW);
    }
  }

  /** Chunks of {@code leaf}, whose events are named after {@code root}. */
  public List<Chunk> plan(TableId root, TableId leaf) throws SQLException {
    long pages;
    double tuples;
    try (PreparedStatement st =
        connection.prepareStatement(
            "SELECT pg_relation_size(c.oid) / current_setting('block_size')::int, c.reltuples, "
                + "c.relpages FROM pg_class c WHERE c.oid = ?::regclass")) {
      st.setString(1, leaf.quoted());
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        pages = rs.getLong(1);
        double reltuples = rs.getDouble(2);
        long relpages = rs.getLong(3);
        // never analyzed: assume small rows (about 60 per 8 KiB page) rather than one big chunk
        tuples = reltuples > 0 && relpages > 0 ? reltuples / relpages : 60;
      }
    }
    OptionalDouble rowBytes = sampledRowBytes(leaf, pages);
    PageStats stats =
        rowBytes.isPresent()
            ? new PageStats(pages, tuples, rowBytes.getAsDouble())
            : PageStats.heapOnly(pages, tuples);
    return split(root, leaf, stats, chunkRows);
  }

  /**
   * The average size of a row's text over up to {@value #SAMPLE_ROWS} rows from about {@value
   * #SAMPLE_PAGES} random pages; empty when the sample found none.
   */
  private OptionalDouble sampledRowBytes(TableId leaf, long pages) throws SQLException {
    double percent = Math.min(100.0, 100.0 * SAMPLE_PAGES / Math.max(pages, 1));
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT avg(octet_length(s::text)) FROM (SELECT * FROM "
                    + leaf.quoted()
                    + " TABLESAMPLE SYSTEM ("
                    + String.format(Locale.ROOT, "%.6f", percent)
                    + ") LIMIT "
                    + SAMPLE_ROWS
                    + ") s")) {
      rs.next();
      double avg = rs.getDouble(1);
      return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(avg);
    }
  }

  static List<Chunk> split(TableId root, TableId leaf, PageStats stats, int chunkRows) {
    long byRows = (long) Math.floor(chunkRows / Math.max(stats.tuplesPerPage(), 1.0));
    long byBytes =
        (long) Math.floor(PLANNED_CHUNK_BYTES / Math.max(stats.eventBytesPerPage(), 1.0));
    long step = Math.max(1, Math.min(byRows, byBytes));
    List<Chunk> out = new ArrayList<>();
    long from = 0;
    while (from + step < stats.pages()) {
      out.add(new Chunk(root, leaf, from, from + step));
      from += step;
    }
    out.add(new Chunk(root, leaf, from, -1));
    return out;
  }

  /**
   * The chunks still to copy after an interruption: the page ranges not covered by {@code doneIds}
   * (identifiers of completed chunks of the same leaf), each split again into chunks of the size
   * {@code planned} has, so that a resumed snapshot holds no more rows at a time than a fresh one.
   * Computed from the recorded ranges, not from {@code planned}'s boundaries, because the table may
   * have grown since the first plan.
   */
  public static List<Chunk> remaining(List<Chunk> planned, List<String> doneIds) {
    if (doneIds.isEmpty() || planned.isEmpty()) {
      return planned;
    }
    TableId root = planned.get(0).root();
    TableId leaf = planned.get(0).leaf();
    long step =
        planned.size() > 1
            ? planned.get(0).toPage() - planned.get(0).fromPage()
            : Long.MAX_VALUE; // the whole table fits one chunk
    long lastStart = planned.getLast().fromPage(); // the open-ended chunk of the fresh plan
    List<long[]> done = new ArrayList<>();
    for (String id : doneIds) {
      String range = id.substring(id.lastIndexOf(':') + 1);
      int dash = range.indexOf('-');
      long from = Long.parseLong(range.substring(0, dash));
      String to = range.substring(dash + 1);
      done.add(new long[] {from, to.equals("end") ? Long.MAX_VALUE : Long.parseLong(to)});
    }
    done.sort((a, b) -> Long.compare(a[0], b[0]));
    List<Chunk> out = new ArrayList<>();
    long next = 0;
    for (long[] d : done) {
      if (d[0] > next) {
        addSplit(out, root, leaf, next, d[0], step, lastStart);
      }
      next = Math.max(next, d[1]);
    }
    if (next != Long.MAX_VALUE) {
      addSplit(out, root, leaf, next, Long.MAX_VALUE, step, lastStart);
    }
    return out;
  }

  /**
   * Pages {@code [from, to)} ({@code to} MAX_VALUE: to the end) as chunks of {@code step} pages;
   * none starts past {@code lastStart}, and a range to the end ends open.
   */
  private static void addSplit(
      List<Chunk> out, TableId root, TableId leaf, long from, long to, long step, long lastStart) {
    while (step < to - from && from + step <= lastStart) {
      out.add(new Chunk(root, leaf, from, from + step));
      from += step;
    }
    out.add(new Chunk(root, leaf, from, to == Long.MAX_VALUE ? -1 : to));
  }
}

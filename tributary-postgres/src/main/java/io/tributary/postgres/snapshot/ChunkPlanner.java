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
import java.util.Set;
import java.util.TreeSet;

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

  /** Line pointers a heap page can have: 291 with 8 KiB pages, 1,165 with 32 KiB ones. */
  private static final int MAX_LINE_POINTERS = 2048;

  private static final int SAMPLE_PAGES = 20;
  private static final int FIRST_SAMPLE_ROWS = 10;
  private static final int SAMPLE_ROWS = 200;

  /** Rows at least this wide on average are measured on the first sample alone. */
  private static final double WIDE_ROW_BYTES = 64 << 10;

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
   * The average size of a row's text from about {@value #SAMPLE_PAGES} random pages: over {@value
   * #FIRST_SAMPLE_ROWS} rows first, and when those are narrow (the usual case) over up to {@value
   * #SAMPLE_ROWS}; wide rows are measured on few because measuring detoasts them (200 rows of 2 MB
   * took 2.6 s). Empty when the sample found none.
   */
  private OptionalDouble sampledRowBytes(TableId leaf, long pages) throws SQLException {
    double percent = Math.min(100.0, 100.0 * SAMPLE_PAGES / Math.max(pages, 1));
    OptionalDouble first = sample(leaf, percent, FIRST_SAMPLE_ROWS);
    if (first.isEmpty() || first.getAsDouble() >= WIDE_ROW_BYTES) {
      return first;
    }
    return sample(leaf, percent, SAMPLE_ROWS);
  }

  private OptionalDouble sample(TableId leaf, double percent, int rows) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT avg(octet_length(s::text)) FROM (SELECT * FROM "
                    + leaf.quoted()
                    + " TABLESAMPLE SYSTEM ("
                    + String.format(Locale.ROOT, "%.6f", percent)
                    + ") LIMIT "
                    + rows
                    + ") s")) {
      rs.next();
      double avg = rs.getDouble(1);
      return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(avg);
    }
  }

  static List<Chunk> split(TableId root, TableId leaf, PageStats stats, int chunkRows) {
    long byRows = (long) Math.floor(chunkRows / Math.max(stats.tuplesPerPage(), 1.0));
    double pagesByBytes = PLANNED_CHUNK_BYTES / Math.max(stats.eventBytesPerPage(), 1.0);
    if (pagesByBytes < 1 && stats.pages() > 0) {
      return splitPages(root, leaf, stats, pagesByBytes);
    }
    long step = Math.max(1, Math.min(byRows, (long) Math.floor(pagesByBytes)));
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
   * Rows so wide that a page of them is more than a chunk should hold: each page is cut into ranges
   * of line pointers holding about {@code pagesByBytes} of a page's events. A page's last range
   * runs to the next page, and the table's last one to the end, so no row is missed however the
   * line pointers are spread.
   */
  private static List<Chunk> splitPages(
      TableId root, TableId leaf, PageStats stats, double pagesByBytes) {
    int usedOffsets =
        (int) Math.min(MAX_LINE_POINTERS, Math.ceil(stats.tuplesPerPage()) + 1); // they start at 1
    int piece = Math.max(1, (int) Math.floor(usedOffsets * pagesByBytes));
    List<Chunk> out = new ArrayList<>();
    for (long page = 0; page < stats.pages(); page++) {
      int from = 0; // line pointers start at 1: the first range is (0, 1 + piece)
      for (int to = 1 + piece; to < usedOffsets; to += piece) {
        out.add(new Chunk(root, leaf, page, from, page, to));
        from = to;
      }
      boolean last = page == stats.pages() - 1;
      out.add(new Chunk(root, leaf, page, from, last ? -1 : page + 1, 0));
    }
    return out;
  }

  /**
   * The chunks still to copy after an interruption: the chunks of a fresh plan ({@code planned}),
   * less what the recorded ranges {@code doneIds} (identifiers of completed chunks of the same
   * leaf, from an earlier plan) cover. Each is part of a freshly planned chunk, so a resumed
   * snapshot holds no more rows at a time than a fresh one, and the fresh plan covers the table as
   * it is now, grown or not.
   */
  public static List<Chunk> remaining(List<Chunk> planned, List<String> doneIds) {
    if (doneIds.isEmpty() || planned.isEmpty()) {
      return planned;
    }
    List<long[]> done = merged(doneIds);
    List<Chunk> out = new ArrayList<>();
    int first = 0; // done ranges before it end before every chunk still to look at
    for (Chunk c : planned) {
      while (first < done.size() && done.get(first)[1] <= c.start()) {
        first++;
      }
      long from = c.start();
      for (int i = first; i < done.size() && done.get(i)[0] < c.end(); i++) {
        if (done.get(i)[0] > from) {
          out.add(Chunk.between(c.root(), c.leaf(), from, done.get(i)[0]));
        }
        from = Math.max(from, done.get(i)[1]);
      }
      if (from < c.end()) {
        out.add(Chunk.between(c.root(), c.leaf(), from, c.end()));
      }
    }
    return out;
  }

  /**
   * {@code done} (identifiers of completed chunks, as an offset records them) with {@code chunk}
   * added and merged with the ranges of its leaf it touches ({@code t:0-20} and {@code t:20-40}
   * become {@code t:0-40}): the offset is written with every commit, and listing every chunk made
   * it grow with each one — thousands for a large table.
   */
  public static Set<String> withDone(Set<String> done, Chunk chunk) {
    String leaf = chunk.leaf() + ":";
    Set<String> out = new TreeSet<>();
    List<String> ranges = new ArrayList<>();
    for (String id : done) {
      if (id.startsWith(leaf) && id.lastIndexOf(':') == leaf.length() - 1) {
        ranges.add(id);
      } else {
        out.add(id);
      }
    }
    ranges.add(chunk.id());
    for (long[] r : merged(ranges)) {
      out.add(Chunk.between(chunk.root(), chunk.leaf(), r[0], r[1]).id());
    }
    return out;
  }

  /** The ranges of the recorded chunks, sorted, with overlapping and adjacent ones merged. */
  private static List<long[]> merged(List<String> ids) {
    List<long[]> ranges = new ArrayList<>();
    for (String id : ids) {
      ranges.add(Chunk.range(id));
    }
    ranges.sort((a, b) -> Long.compare(a[0], b[0]));
    List<long[]> out = new ArrayList<>();
    for (long[] r : ranges) {
      if (!out.isEmpty() && r[0] <= out.getLast()[1]) {
        out.getLast()[1] = Math.max(out.getLast()[1], r[1]);
      } else {
        out.add(r);
      }
    }
    return out;
  }
}

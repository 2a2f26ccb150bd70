package io.tributary.postgres.snapshot;

import io.tributary.postgres.catalog.TableId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits tables into page-range chunks of about {@code chunkRows} rows each. Ranges cover every
 * page: the last chunk of a leaf is open-ended, so rows on pages added after planning are not
 * missed.
 */
public final class ChunkPlanner {
  private final Connection connection;
  private final int chunkRows;

  public ChunkPlanner(Connection connection, int chunkRows) {
    this.connection = connection;
    this.chunkRows = chunkRows;
  }

  /** Chunks of {@code leaf}, whose events are named after {@code root}. */
  public List<Chunk> plan(TableId root, TableId leaf) throws SQLException {
    long pages;
    double tuples;
    try (PreparedStatement st =
        connection.prepareStatement(
            "SELECT pg_relation_size(c.oid) / current_setting('block_size')::int, c.reltuples, c.relpages "
                + "FROM pg_class c WHERE c.oid = ?::regclass")) {
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
    return split(root, leaf, pages, tuples, chunkRows);
  }

  static List<Chunk> split(
      TableId root, TableId leaf, long pages, double tuplesPerPage, int chunkRows) {
    long step = Math.max(1, (long) Math.floor(chunkRows / Math.max(tuplesPerPage, 1.0)));
    List<Chunk> out = new ArrayList<>();
    long from = 0;
    while (from + step < pages) {
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

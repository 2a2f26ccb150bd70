package io.tributary.postgres.snapshot;

import io.tributary.postgres.catalog.TableId;

/**
 * A range of row positions (ctids) of one leaf table, copied as one unit and written atomically:
 * whole pages, or — for rows so wide that one page of them would be too much to hold at once — part
 * of a page.
 *
 * @param root the captured table (events are named after it)
 * @param leaf the table holding the rows: the root itself or one of its partitions
 * @param fromPage first page, inclusive
 * @param fromOffset first line pointer in {@code fromPage} (0: the whole page)
 * @param toPage end page, or -1 for "to the end of the table"
 * @param toOffset end line pointer in {@code toPage}, exclusive (0: {@code toPage} excluded)
 */
public record Chunk(
    TableId root, TableId leaf, long fromPage, int fromOffset, long toPage, int toOffset) {

  /** Positions pack a page and a line pointer: page × 2^16 + offset, in ctid order. */
  private static final int OFFSET_BITS = 16;

  /** The position of the open end. */
  static final long END = Long.MAX_VALUE;

  /** Whole pages {@code [fromPage, toPage)}, {@code toPage} -1 for "to the end of the table". */
  public Chunk(TableId root, TableId leaf, long fromPage, long toPage) {
    this(root, leaf, fromPage, 0, toPage, 0);
  }

  /** The chunk between two positions ({@link #start()}, {@link #end()}). */
  static Chunk between(TableId root, TableId leaf, long start, long end) {
    return end == END
        ? new Chunk(root, leaf, page(start), offset(start), -1, 0)
        : new Chunk(root, leaf, page(start), offset(start), page(end), offset(end));
  }

  /** A stable identifier, recorded in the offset once the chunk is durable. */
  public String id() {
    return leaf
        + ":"
        + label(fromPage, fromOffset)
        + "-"
        + (toPage < 0 ? "end" : label(toPage, toOffset));
  }

  /** The ctid condition selecting this chunk's rows; PostgreSQL 14+ runs it as a TID range scan. */
  public String ctidCondition() {
    String from = "ctid >= '(" + fromPage + "," + fromOffset + ")'::tid";
    return toPage < 0 ? from : from + " AND ctid < '(" + toPage + "," + toOffset + ")'::tid";
  }

  /** Where the chunk starts, in ctid order. */
  long start() {
    return position(fromPage, fromOffset);
  }

  /** Where the chunk ends (exclusive), in ctid order; {@link #END} when open. */
  long end() {
    return toPage < 0 ? END : position(toPage, toOffset);
  }

  /**
   * The positions {@code [start, end)} of a recorded chunk identifier ({@code schema.table:41-82},
   * {@code schema.table:41.7-41.14}, {@code …:80-end}).
   */
  static long[] range(String id) {
    String range = id.substring(id.lastIndexOf(':') + 1);
    int dash = range.indexOf('-');
    return new long[] {parse(range.substring(0, dash)), parse(range.substring(dash + 1))};
  }

  private static long parse(String position) {
    if (position.equals("end")) {
      return END;
    }
    int dot = position.indexOf('.');
    return dot < 0
        ? position(Long.parseLong(position), 0)
        : position(
            Long.parseLong(position.substring(0, dot)),
            Long.parseLong(position.substring(dot + 1)));
  }

  static long position(long page, long offset) {
    return page << OFFSET_BITS | offset;
  }

  private static long page(long position) {
    return position >>> OFFSET_BITS;
  }

  private static int offset(long position) {
    return (int) (position & ((1 << OFFSET_BITS) - 1));
  }

  private static String label(long page, int offset) {
    return offset == 0 ? Long.toString(page) : page + "." + offset;
  }
}

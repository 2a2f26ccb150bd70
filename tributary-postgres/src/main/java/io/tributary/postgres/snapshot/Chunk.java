package io.tributary.postgres.snapshot;

import io.tributary.postgres.catalog.TableId;

/**
 * A range of pages of one leaf table, copied as one unit and written atomically.
 *
 * @param root the captured table (events are named after it)
 * @param leaf the table holding the pages: the root itself or one of its partitions
 * @param fromPage first page, inclusive
 * @param toPage last page, exclusive, or -1 for "to the end of the table"
 */
public record Chunk(TableId root, TableId leaf, long fromPage, long toPage) {

  /** A stable identifier, recorded in the offset once the chunk is durable. */
  public String id() {
    return leaf + ":" + fromPage + "-" + (toPage < 0 ? "end" : Long.toString(toPage));
  }

  /** The ctid condition selecting this chunk's rows; PostgreSQL 14+ runs it as a TID range scan. */
  public String ctidCondition() {
    String from = "ctid >= '(" + fromPage + ",0)'::tid";
    return toPage < 0 ? from : from + " AND ctid < '(" + toPage + ",0)'::tid";
  }
}

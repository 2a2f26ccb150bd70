package io.tributary.api.offset;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where a PostgreSQL pipeline stands.
 *
 * <p>Streaming position: pgoutput sends whole transactions in commit order, and each transaction's
 * BEGIN names its commit LSN, so a transaction is identified by its commit LSN. {@code commitLsn}
 * is the last transaction of which events are durable and {@code eventsInTx} how many of its events
 * are; {@code txComplete} says whether all of them are. On resume, transactions committed before
 * {@code commitLsn} are skipped, and so are the first {@code eventsInTx} events of that one.
 *
 * <p>Snapshot position: {@code slotLsn} is the consistent point of the slot the snapshot was taken
 * from; {@code snapshotDone} tells whether every chunk is durable and {@code chunksDone} lists the
 * chunks that are, so an interrupted snapshot resumes with the rest.
 *
 * @param slotLsn the replication slot's consistent point, where streaming starts after the snapshot
 * @param snapshotDone true once the snapshot is complete (or was not wanted)
 * @param chunksDone identifiers of completed snapshot chunks (empty once the snapshot is done)
 * @param commitLsn commit LSN of the last transaction with durable events, {@link Lsn#ZERO} if none
 * @param eventsInTx number of durable events of that transaction
 * @param txComplete whether that transaction is wholly durable
 * @param tablesDone qualified names of the tables whose snapshot is complete, or {@link
 *     #ALL_TABLES}; a table added to the configuration later is snapshotted while streaming
 */
public record PostgresOffset(
    Lsn slotLsn,
    boolean snapshotDone,
    Set<String> chunksDone,
    Lsn commitLsn,
    long eventsInTx,
    boolean txComplete,
    Set<String> tablesDone)
    implements SourceOffset {

  static final String PREFIX = "pg:";

  /** In {@link #tablesDone()}: every table, whatever the configuration lists. */
  public static final String ALL_TABLES = "*";

  /** An offset whose snapshot covers every table. */
  public PostgresOffset(
      Lsn slotLsn,
      boolean snapshotDone,
      Set<String> chunksDone,
      Lsn commitLsn,
      long eventsInTx,
      boolean txComplete) {
    this(slotLsn, snapshotDone, chunksDone, commitLsn, eventsInTx, txComplete, Set.of(ALL_TABLES));
  }

  public PostgresOffset {
    Objects.requireNonNull(slotLsn, "slotLsn");
    Objects.requireNonNull(commitLsn, "commitLsn");
    chunksDone = Set.copyOf(chunksDone);
    tablesDone = Set.copyOf(tablesDone);
    if (eventsInTx < 0) {
      throw new IllegalArgumentException("eventsInTx < 0");
    }
  }

  /** The position right after a snapshot taken at {@code slotLsn}, before any streamed change. */
  public static PostgresOffset afterSnapshot(Lsn slotLsn) {
    return new PostgresOffset(slotLsn, true, Set.of(), Lsn.ZERO, 0, true);
  }

  /** The position of a snapshot about to start at {@code slotLsn}, with {@code tablesDone} done. */
  public static PostgresOffset snapshotStarting(Lsn slotLsn, Set<String> tablesDone) {
    return new PostgresOffset(slotLsn, false, Set.of(), Lsn.ZERO, 0, true, tablesDone);
  }

  /** The snapshot is running with {@code chunks} (identifiers of completed chunks) done. */
  public PostgresOffset withChunksDone(Set<String> chunks) {
    return new PostgresOffset(
        slotLsn, false, chunks, commitLsn, eventsInTx, txComplete, tablesDone);
  }

  /** The snapshot is complete; {@code tables} (qualified names) are now done too. */
  public PostgresOffset withSnapshotDone(Set<String> tables) {
    Set<String> done = new TreeSet<>(tablesDone);
    done.addAll(tables);
    return new PostgresOffset(slotLsn, true, Set.of(), commitLsn, eventsInTx, txComplete, done);
  }

  /** A snapshot of more tables begins while streaming continues from this position. */
  public PostgresOffset withSnapshotRunning() {
    return new PostgresOffset(
        slotLsn, false, Set.of(), commitLsn, eventsInTx, txComplete, tablesDone);
  }

  /** Whether the snapshot of table {@code qualifiedName} is complete. */
  public boolean tableDone(String qualifiedName) {
    return tablesDone.contains(ALL_TABLES) || tablesDone.contains(qualifiedName);
  }

  public PostgresOffset inTransaction(Lsn commit, long events, boolean complete) {
    return new PostgresOffset(
        slotLsn, snapshotDone, chunksDone, commit, events, complete, tablesDone);
  }

  /**
   * The LSN to confirm to the server as flushed. PostgreSQL resends, on restart, every transaction
   * whose commit record starts at or after the confirmed LSN; so a wholly durable transaction is
   * confirmed one byte past its commit record, a partly durable one exactly at it.
   */
  public Lsn flushLsn() {
    if (commitLsn.equals(Lsn.ZERO)) {
      return slotLsn;
    }
    return txComplete ? new Lsn(commitLsn.value() + 1) : commitLsn;
  }

  @Override
  public String encode() {
    var sb = new StringBuilder(PREFIX);
    sb.append("slot=").append(slotLsn);
    sb.append(";snapshot=").append(snapshotDone ? "done" : "running");
    if (!chunksDone.isEmpty()) {
      sb.append(";chunks=").append(list(chunksDone));
    }
    sb.append(";commit=").append(commitLsn);
    sb.append(";events=").append(eventsInTx);
    sb.append(";complete=").append(txComplete);
    sb.append(";tables=").append(list(tablesDone));
    return sb.toString();
  }

  /** Names as a sorted, comma-separated list, each URL-encoded so commas in names survive. */
  private static String list(Set<String> names) {
    return new TreeSet<>(names)
        .stream()
            .map(c -> URLEncoder.encode(c, StandardCharsets.UTF_8))
            .collect(Collectors.joining(","));
  }

  private static Set<String> set(String list) {
    return list.isEmpty()
        ? Set.of()
        : Arrays.stream(list.split(",", -1))
            .map(c -> URLDecoder.decode(c, StandardCharsets.UTF_8))
            .collect(Collectors.toSet());
  }

  static PostgresOffset decode(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String part : text.substring(PREFIX.length()).split(";", -1)) {
      int eq = part.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("malformed PostgreSQL offset: " + text);
      }
      fields.put(part.substring(0, eq), part.substring(eq + 1));
    }
    try {
      return new PostgresOffset(
          Lsn.parse(required(fields, "slot", text)),
          switch (required(fields, "snapshot", text)) {
            case "done" -> true;
            case "running" -> false;
            default -> throw new IllegalArgumentException("malformed PostgreSQL offset: " + text);
          },
          set(fields.getOrDefault("chunks", "")),
          Lsn.parse(required(fields, "commit", text)),
          Long.parseLong(required(fields, "events", text)),
          Boolean.parseBoolean(required(fields, "complete", text)),
          set(fields.getOrDefault("tables", ALL_TABLES)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed PostgreSQL offset: " + text, e);
    }
  }

  private static String required(Map<String, String> fields, String name, String text) {
    String v = fields.get(name);
    if (v == null) {
      throw new IllegalArgumentException("PostgreSQL offset lacks '" + name + "': " + text);
    }
    return v;
  }
}

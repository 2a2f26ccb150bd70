package io.tributary.postgres.snapshot;

import io.tributary.api.ChangeEvent;
import io.tributary.api.EncodedEvents;
import io.tributary.api.FatalException;
import io.tributary.api.Op;
import io.tributary.api.SourceInfo;
import io.tributary.api.envelope.EnvelopeTemplate;
import io.tributary.api.envelope.EnvelopeWriter;
import io.tributary.api.json.JsonWriter;
import io.tributary.postgres.catalog.TableId;
import io.tributary.postgres.event.MemoryBudget;
import io.tributary.postgres.event.RowJson;
import io.tributary.postgres.event.TableSchema;
import io.tributary.postgres.event.TextDecoder;
import io.tributary.postgres.event.TextFields;
import io.tributary.postgres.types.CopyTextParser;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Reads one chunk with {@code COPY (SELECT …) TO STDOUT} and turns its rows into read events.
 * COPY's text output renders values exactly like pgoutput does, so the same decoder serves both.
 * Not thread-safe: one per worker.
 */
public final class ChunkCopier {
  private final Map<String, TableSchema> schemas;
  private final Map<String, SourceInfo> sources;
  private final Map<String, RowJson> rowJson;
  private final TextDecoder decoder;
  private final CopyTextParser parser = new CopyTextParser();
  private final TextFields fields = new TextFields();
  private final EnvelopeWriter envelopes = new EnvelopeWriter();
  private final long maxChunkBytes;
  private int lastRows = 1024;
  private int lastBytes = 256 << 10;

  /**
   * @param schemas by root table name ({@code schema.table})
   * @param sources the source block of each root table's events
   */
  public ChunkCopier(
      Map<String, TableSchema> schemas, Map<String, SourceInfo> sources, TextDecoder decoder) {
    this(schemas, sources, decoder, MemoryBudget.HELD_BYTES);
  }

  /**
   * As above, failing chunks past {@code maxChunkBytes} of events, and rows past that much text (by
   * default {@link MemoryBudget#HELD_BYTES}; chunks are planned at a few MiB, see {@link
   * ChunkPlanner}), with advice rather than running out of memory.
   */
  ChunkCopier(
      Map<String, TableSchema> schemas,
      Map<String, SourceInfo> sources,
      TextDecoder decoder,
      long maxChunkBytes) {
    this(schemas, sources, rowJson(schemas, decoder), decoder, maxChunkBytes);
  }

  private ChunkCopier(
      Map<String, TableSchema> schemas,
      Map<String, SourceInfo> sources,
      Map<String, RowJson> rowJson,
      TextDecoder decoder,
      long maxChunkBytes) {
    this.schemas = schemas;
    this.sources = sources;
    this.rowJson = rowJson;
    this.decoder = decoder;
    this.maxChunkBytes = maxChunkBytes;
  }

  private static Map<String, RowJson> rowJson(
      Map<String, TableSchema> schemas, TextDecoder decoder) {
    Map<String, RowJson> out = new HashMap<>();
    schemas.forEach((table, schema) -> out.put(table, new RowJson(schema, decoder)));
    return out;
  }

  /** A copier over the same tables for another thread. */
  public ChunkCopier fork() {
    return new ChunkCopier(schemas, sources, rowJson, decoder, maxChunkBytes);
  }

  public TableSchema schema(Chunk chunk) {
    return schemas.get(chunk.root().toString());
  }

  /** The chunk's rows as read events; {@code tsMs} is the processing time written in them. */
  public List<ChangeEvent> copy(Connection c, Chunk chunk, long tsMs) throws SQLException {
    TableSchema schema = schema(chunk);
    SourceInfo source = sources.get(chunk.root().toString());
    CopyOut out = copyOut(c, chunk, schema);
    String keyPrefix = keyPrefix(chunk);
    List<ChangeEvent> events = new ArrayList<>();
    long row = 0;
    byte[] line;
    while ((line = out.readFromCopy()) != null) {
      events.add(event(schema, source, tsMs, keyPrefix + row++, line));
    }
    return events;
  }

  /**
   * The chunk's rows as encoded read events, each written straight from COPY's text to its
   * envelope's bytes, so that a chunk never exists as event objects.
   */
  public ChunkResult copyEncoded(Connection c, Chunk chunk, long tsMs) throws SQLException {
    CopyOut out = copyOut(c, chunk, schema(chunk));
    return encode(chunk, out::readFromCopy, tsMs);
  }

  /** Where COPY text lines come from: the next line, or null after the last. */
  @FunctionalInterface
  public interface Lines {
    byte[] next() throws SQLException;
  }

  /** The chunk's rows, given as COPY text lines, as encoded read events. */
  public ChunkResult encode(Chunk chunk, Lines lines, long tsMs) throws SQLException {
    TableSchema schema = schema(chunk);
    SourceInfo source = sources.get(chunk.root().toString());
    RowJson rows = rowJson.get(chunk.root().toString());
    String keyPrefix = keyPrefix(chunk);
    EnvelopeTemplate template =
        envelopes.template(
            new ChangeEvent(
                schema.stream(), Op.READ, null, null, null, source, null, tsMs, keyPrefix));
    EncodedEvents encoded = new EncodedEvents(lastRows + 16, bufferBytes());
    JsonWriter json = encoded.buffer();
    long row = 0;
    byte[] line;
    byte[] lastLine = null;
    while ((line = lines.next()) != null) {
      if (json.length() > maxChunkBytes) {
        throw tooLarge(chunk, row, json.length());
      }
      if (line.length > maxChunkBytes) {
        throw MemoryBudget.tooLarge(
            "row " + row + " of snapshot chunk " + chunk.id() + " of " + chunk.leaf(),
            line.length,
            maxChunkBytes);
      }
      parser.split(line, fields);
      int start = json.length();
      if (rows.hasKey()) {
        rows.key(fields, json);
      }
      int valueStart = json.length();
      json.bytes(template.head());
      rows.row(fields, json);
      json.bytes(template.middle()).number(row++).bytes(template.tail());
      encoded.written(schema.stream(), tsMs, start, valueStart, rows.hasKey());
      lastLine = line;
    }
    lastRows = encoded.size();
    lastBytes = json.length();
    ChangeEvent last =
        lastLine == null ? null : event(schema, source, tsMs, keyPrefix + (row - 1), lastLine);
    return new ChunkResult(chunk, encoded, last);
  }

  private FatalException tooLarge(Chunk chunk, long rows, long bytes) {
    return new FatalException(
        "snapshot chunk "
            + chunk.id()
            + " of "
            + chunk.leaf()
            + " holds more than "
            + MemoryBudget.size(maxChunkBytes)
            + " of events after "
            + rows
            + " rows (about "
            + bytes / Math.max(rows, 1) / 1024
            + " KiB each). "
            + MemoryBudget.fix(maxChunkBytes));
  }

  /**
   * A buffer size after the previous chunk's, so that the buffer rarely grows (chunks are alike),
   * in whole MiB so that recycled buffers fit the next chunks.
   */
  private int bufferBytes() {
    long wanted = lastBytes + (lastBytes >> 3);
    return (int) Math.min(Integer.MAX_VALUE - 64, ((wanted >> 20) + 1) << 20);
  }

  private static String keyPrefix(Chunk chunk) {
    return "snapshot:" + chunk.id() + ":";
  }

  private static CopyOut copyOut(Connection c, Chunk chunk, TableSchema schema)
      throws SQLException {
    String columns =
        schema.columns().stream().map(TableId::quote).collect(Collectors.joining(", "));
    String sql =
        "COPY (SELECT "
            + columns
            + " FROM ONLY "
            + chunk.leaf().quoted()
            + " WHERE "
            + chunk.ctidCondition()
            + ") TO STDOUT";
    return c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
  }

  /** The read event of one COPY line, decoded into values. */
  private ChangeEvent event(
      TableSchema schema, SourceInfo source, long tsMs, String idempotencyKey, byte[] line) {
    Object[] values = decode(parser.parse(line), schema.typeOids());
    return new ChangeEvent(
        schema.stream(),
        Op.READ,
        schema.key(values),
        null,
        schema.row(values),
        source,
        null,
        tsMs,
        idempotencyKey);
  }

  private Object[] decode(String[] texts, int[] types) {
    Object[] values = new Object[types.length];
    for (int i = 0; i < values.length && i < texts.length; i++) {
      values[i] = texts[i] == null ? null : decoder.decode(types[i], texts[i]);
    }
    return values;
  }
}

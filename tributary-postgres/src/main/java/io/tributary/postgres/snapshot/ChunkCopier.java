package io.tributary.postgres.snapshot;

import io.tributary.api.ChangeEvent;
import io.tributary.api.EncodedEvent;
import io.tributary.api.Op;
import io.tributary.api.SourceInfo;
import io.tributary.api.envelope.BatchEncoder;
import io.tributary.postgres.catalog.TableId;
import io.tributary.postgres.event.TableSchema;
import io.tributary.postgres.event.TextDecoder;
import io.tributary.postgres.types.CopyTextParser;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
  private final TextDecoder decoder;
  private final CopyTextParser parser = new CopyTextParser();

  /**
   * @param schemas by root table name ({@code schema.table})
   * @param sources the source block of each root table's events
   */
  public ChunkCopier(
      Map<String, TableSchema> schemas, Map<String, SourceInfo> sources, TextDecoder decoder) {
    this.schemas = schemas;
    this.sources = sources;
    this.decoder = decoder;
  }

  /** A copier over the same tables for another thread. */
  public ChunkCopier fork() {
    return new ChunkCopier(schemas, sources, decoder);
  }

  public TableSchema schema(Chunk chunk) {
    return schemas.get(chunk.root().toString());
  }

  /** The chunk's rows as read events; {@code tsMs} is the processing time written in them. */
  public List<ChangeEvent> copy(Connection c, Chunk chunk, long tsMs) throws SQLException {
    List<ChangeEvent> events = new ArrayList<>();
    copy(c, chunk, tsMs, events::add);
    return events;
  }

  /**
   * The chunk's rows as encoded read events, encoded one by one as they arrive so that a chunk
   * never exists as a list of event objects.
   */
  public ChunkResult copyEncoded(Connection c, Chunk chunk, long tsMs, BatchEncoder encoder)
      throws SQLException {
    List<EncodedEvent> encoded = new ArrayList<>();
    ChangeEvent[] last = new ChangeEvent[1];
    copy(
        c,
        chunk,
        tsMs,
        e -> {
          encoded.add(encoder.encode(e));
          last[0] = e;
        });
    return new ChunkResult(chunk, encoded, last[0]);
  }

  private void copy(Connection c, Chunk chunk, long tsMs, Consumer<ChangeEvent> sink)
      throws SQLException {
    TableSchema schema = schema(chunk);
    SourceInfo source = sources.get(chunk.root().toString());
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
    CopyOut out = c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
    int[] types = schema.typeOids();
    String keyPrefix = "snapshot:" + chunk.id() + ":";
    long row = 0;
    byte[] line;
    while ((line = out.readFromCopy()) != null) {
      Object[] values = decode(parser.parse(line), types);
      sink.accept(
          new ChangeEvent(
              schema.stream(),
              Op.READ,
              schema.key(values),
              null,
              schema.row(values),
              source,
              null,
              tsMs,
              keyPrefix + row++));
    }
  }

  private Object[] decode(String[] texts, int[] types) {
    Object[] values = new Object[types.length];
    for (int i = 0; i < values.length && i < texts.length; i++) {
      values[i] = texts[i] == null ? null : decoder.decode(types[i], texts[i]);
    }
    return values;
  }
}

package io.tributary.postgres.stream;

import io.tributary.api.ChangeEvent;
import io.tributary.api.EncodedEvents;
import io.tributary.api.Op;
import io.tributary.api.SourceInfo;
import io.tributary.api.TransactionInfo;
import io.tributary.api.envelope.BatchEncoder;
import io.tributary.api.envelope.EnvelopeWriter;
import io.tributary.api.json.JsonWriter;
import io.tributary.postgres.event.RowJson;
import io.tributary.postgres.event.TableSchema;
import io.tributary.postgres.event.TextDecoder;
import io.tributary.postgres.event.TextFields;
import io.tributary.postgres.pgoutput.TupleData;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Writes streamed changes into a batch's packed events. A row goes straight from the tuple's text
 * to its envelope's bytes ({@link RowJson}); the few changes that need their values decoded —
 * binary values, unchanged TOASTed values to take from the old row — go through a {@link
 * ChangeEvent} and the {@link BatchEncoder}, which writes the same bytes. Not thread-safe.
 */
final class ChangeWriter {
  private static final int MAX_SCHEMAS = 256;

  private final TextDecoder decoder;
  private final BatchEncoder encoder = new BatchEncoder();
  private final Map<TableSchema, RowJson> rows = new IdentityHashMap<>();
  private final TextFields before = new TextFields();
  private final TextFields after = new TextFields();

  ChangeWriter(TextDecoder decoder) {
    this.decoder = decoder;
  }

  /**
   * Writes the change straight from its tuples, if it can.
   *
   * @param beforeTuple the old row, or null when the change carries none (inserts, updates without
   *     a full replica identity)
   * @param afterTuple the new row, or null for deletes
   * @return false, writing nothing, when the change has to be decoded first
   */
  boolean write(
      TableSchema schema,
      Op op,
      TupleData beforeTuple,
      TupleData afterTuple,
      SourceInfo source,
      TransactionInfo transaction,
      long tsMs,
      String idempotencyKey,
      EncodedEvents out) {
    if (beforeTuple != null && !beforeTuple.fill(before)) {
      return false;
    }
    if (afterTuple != null && !afterTuple.fill(after)) {
      return false;
    }
    if (beforeTuple != null && afterTuple != null && hasUnchanged(after)) {
      return false; // the decoding path fills unchanged TOASTed values from the old row
    }
    if (rows.size() > MAX_SCHEMAS) {
      rows.clear(); // versions replaced by later Relation messages would otherwise pile up
    }
    RowJson row = rows.computeIfAbsent(schema, s -> new RowJson(s, decoder));
    JsonWriter json = out.buffer();
    int start = json.length();
    if (row.hasKey()) {
      row.key(afterTuple != null ? after : before, json);
    }
    int valueStart = json.length();
    EnvelopeWriter.beginEnvelope(json);
    rowOrNull(row, beforeTuple == null ? null : before, json);
    EnvelopeWriter.betweenRows(json);
    rowOrNull(row, afterTuple == null ? null : after, json);
    encoder.envelopes().endEnvelope(source, op, tsMs, transaction, idempotencyKey, json);
    out.written(schema.stream(), tsMs, start, valueStart, row.hasKey());
    return true;
  }

  /** Writes an event the slow way. */
  void write(ChangeEvent event, EncodedEvents out) {
    encoder.encode(event, out);
  }

  private static void rowOrNull(RowJson row, TextFields fields, JsonWriter json) {
    if (fields == null) {
      json.value(null);
    } else {
      row.row(fields, json);
    }
  }

  private static boolean hasUnchanged(TextFields fields) {
    for (int i = 0; i < fields.count(); i++) {
      if (fields.length(i) == TextFields.UNCHANGED) {
        return true;
      }
    }
    return false;
  }
}

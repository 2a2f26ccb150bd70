package io.tributary.postgres.event;

import io.tributary.api.Unavailable;
import io.tributary.api.envelope.EnvelopeWriter;
import io.tributary.api.json.JsonWriter;

/**
 * Writes rows of one table version, given as {@link TextFields}, as the JSON objects events carry —
 * the row and its key — byte for byte what {@link EnvelopeWriter} writes for the decoded row, with
 * each column's writer resolved once. Immutable; safe to share between threads.
 */
public final class RowJson {

  private final byte[][] prefixes;
  private final byte[][] keyPrefixes;
  private final int[] keyIndexes;
  private final ValueJsonWriter[] writers;

  public RowJson(TableSchema schema, TextDecoder decoder) {
    this.prefixes = EnvelopeWriter.memberPrefixes(schema.columns());
    this.keyPrefixes = EnvelopeWriter.memberPrefixes(schema.keyColumns());
    this.keyIndexes = schema.keyIndexes();
    int[] types = schema.typeOids();
    this.writers = new ValueJsonWriter[types.length];
    for (int i = 0; i < types.length; i++) {
      writers[i] = decoder.jsonWriter(types[i]);
    }
  }

  /** Whether rows have a key (a primary key or replica identity columns). */
  public boolean hasKey() {
    return keyIndexes.length > 0;
  }

  /** The row as a JSON object; fields missing at the end are null. */
  public void row(TextFields fields, JsonWriter out) {
    if (prefixes.length == 0) {
      out.raw('{'); // a table without columns
    }
    for (int i = 0; i < prefixes.length; i++) {
      out.bytes(prefixes[i]);
      value(fields, i, out);
    }
    out.raw('}');
  }

  /** The row's key columns as a JSON object; only for tables with a key. */
  public void key(TextFields fields, JsonWriter out) {
    for (int k = 0; k < keyIndexes.length; k++) {
      out.bytes(keyPrefixes[k]);
      value(fields, keyIndexes[k], out);
    }
    out.raw('}');
  }

  private void value(TextFields fields, int i, JsonWriter out) {
    int n = i < fields.count() ? fields.length(i) : TextFields.NULL;
    if (n >= 0) {
      writers[i].write(fields.buffer(), fields.start(i), n, out);
    } else if (n == TextFields.UNCHANGED) {
      out.value(Unavailable.VALUE);
    } else {
      out.value(null);
    }
  }
}

package io.tributary.postgres.event;

import io.tributary.api.json.JsonWriter;

/**
 * Writes one column's values, given in PostgreSQL's text format, as JSON: the same bytes the
 * decoded value would be written as, but for common types without decoding it first.
 */
@FunctionalInterface
public interface ValueJsonWriter {
  /** Writes the value whose text is {@code text[off, off + n)} (never SQL NULL). */
  void write(byte[] text, int off, int n, JsonWriter out);
}

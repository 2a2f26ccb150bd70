package io.tributary.postgres.event;

import java.nio.charset.StandardCharsets;

/** Turns a value in PostgreSQL's text format into the Java value events carry. */
@FunctionalInterface
public interface TextDecoder {
  /** {@code text} is never null. */
  Object decode(int typeOid, String text);

  /**
   * How values of a type are written as JSON from their UTF-8 text, to resolve once per column.
   * Decoders that know a type's JSON form write it without decoding; this default decodes.
   */
  default ValueJsonWriter jsonWriter(int typeOid) {
    return (text, off, n, out) ->
        out.value(decode(typeOid, new String(text, off, n, StandardCharsets.UTF_8)));
  }
}

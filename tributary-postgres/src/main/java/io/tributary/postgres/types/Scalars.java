package io.tributary.postgres.types;

import io.tributary.api.RawJson;
import java.math.BigDecimal;

/** Parsers of the scalar types whose text has a natural Java counterpart. */
final class Scalars {
  static final ValueParser TEXT = text -> text;

  private Scalars() {}

  static Boolean bool(String text) {
    if (text.length() == 1) {
      char c = text.charAt(0);
      if (c == 't') {
        return Boolean.TRUE;
      }
      if (c == 'f') {
        return Boolean.FALSE;
      }
    }
    throw new IllegalArgumentException("not a boolean (expected t or f)");
  }

  static Integer int4(String text) {
    return Integer.parseInt(text);
  }

  static Long int8(String text) {
    return Long.parseLong(text);
  }

  /**
   * For float4 too: its shortest text read as a double keeps the digits the user sees (1.1, not the
   * 1.100000023841858 that widening the float would give).
   */
  static Double float8(String text) {
    // Double.parseDouble reads PostgreSQL's NaN, Infinity and -Infinity as they are spelled.
    return Double.parseDouble(text);
  }

  /** A BigDecimal, or NaN / Infinity / -Infinity as strings, which BigDecimal cannot hold. */
  static Object numeric(String text) {
    char c = text.isEmpty() ? ' ' : text.charAt(0);
    if (c == 'N' || c == 'I' || (c == '-' && text.length() > 1 && text.charAt(1) == 'I')) {
      if (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity")) {
        return text;
      }
    }
    return new BigDecimal(text);
  }

  static RawJson json(String text) {
    return new RawJson(text);
  }
}

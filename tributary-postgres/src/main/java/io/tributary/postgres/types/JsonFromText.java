package io.tributary.postgres.types;

import io.tributary.api.json.JsonWriter;
import io.tributary.postgres.event.ValueJsonWriter;
import java.nio.charset.StandardCharsets;

/**
 * Value writers that turn the text of common types straight into JSON bytes: exactly the bytes
 * {@link JsonWriter#value} writes for what {@link TextValueConverter} would have made of the text,
 * without making it. A text out of the usual form (a timestamptz whose offset is not {@code +00}, a
 * BC date, a number with a leading zero…) is handed to the slow path, which decodes it — and
 * reports it if it is not a valid value of its type.
 */
final class JsonFromText {
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

  private JsonFromText() {}

  /**
   * The writer for a built-in type, or null when it has no fast form.
   *
   * @param slow decodes and writes a value, for texts out of the usual form
   */
  static ValueJsonWriter builtin(int oid, ValueJsonWriter slow) {
    return switch (oid) {
      // int2 and int4 decode as Integer, the others as Long: shorter texts cannot overflow them
      case BuiltinTypes.INT2, BuiltinTypes.INT4 ->
          (t, off, n, out) -> integer(t, off, n, 9, out, slow);
      case BuiltinTypes.INT8, BuiltinTypes.OID, BuiltinTypes.XID, BuiltinTypes.CID ->
          (t, off, n, out) -> integer(t, off, n, 18, out, slow);
      case BuiltinTypes.NUMERIC -> (t, off, n, out) -> numeric(t, off, n, out, slow);
      case BuiltinTypes.BOOL -> (t, off, n, out) -> bool(t, off, n, out, slow);
      case BuiltinTypes.JSON, BuiltinTypes.JSONB -> (t, off, n, out) -> json(t, off, n, out, slow);
      case BuiltinTypes.TIMESTAMP -> (t, off, n, out) -> timestamp(t, off, n, out, slow);
      case BuiltinTypes.TIMESTAMPTZ -> (t, off, n, out) -> timestamptz(t, off, n, out, slow);
      default -> null;
    };
  }

  /** For types whose value is their text as a string (text, varchar, uuid, date, enums…). */
  static ValueJsonWriter text() {
    return (t, off, n, out) -> out.utf8String(t, off, n);
  }

  /** The slow path: decode with {@code parser}, then write the value. */
  static ValueJsonWriter decoding(ValueParser parser) {
    return (t, off, n, out) ->
        out.value(parser.parse(new String(t, off, n, StandardCharsets.UTF_8)));
  }

  /**
   * Digits with an optional minus, no leading zero and no more than {@code maxDigits} of them (so
   * that the value cannot overflow): the number as it is.
   */
  private static void integer(
      byte[] t, int off, int n, int maxDigits, JsonWriter out, ValueJsonWriter slow) {
    int digits = n - (n > 0 && t[off] == '-' ? 1 : 0);
    if (digits <= maxDigits && digitsFrom(t, off, n, false) == off + n) {
      out.bytes(t, off, n);
    } else {
      slow.write(t, off, n, out);
    }
  }

  /**
   * Where a leading {@code -} and a run of digits without a leading zero (or a lone zero) end, or
   * {@code -1} when the text does not start that way, or is a negative zero and {@code minusZero}
   * is false.
   */
  private static int digitsFrom(byte[] t, int off, int n, boolean minusZero) {
    int i = off;
    int end = off + n;
    boolean negative = i < end && t[i] == '-';
    if (negative) {
      i++;
    }
    int first = i;
    while (i < end && t[i] >= '0' && t[i] <= '9') {
      i++;
    }
    if (i == first || (t[first] == '0' && i - first > 1)) {
      return -1;
    }
    if (negative && !minusZero && t[first] == '0') {
      return -1;
    }
    return i;
  }

  /**
   * A decimal as a string, written as PostgreSQL prints it; BigDecimal's plain form is the same
   * text except for a negative zero, which it has not.
   */
  private static void numeric(byte[] t, int off, int n, JsonWriter out, ValueJsonWriter slow) {
    int end = off + n;
    int i = digitsFrom(t, off, n, true);
    if (i > 0 && i < end && t[i] == '.') {
      int fraction = ++i;
      while (i < end && t[i] >= '0' && t[i] <= '9') {
        i++;
      }
      if (i == fraction) {
        i = -1;
      }
    }
    if (i == end && !(t[off] == '-' && allZeros(t, off + 1, end))) {
      out.raw('"').bytes(t, off, n).raw('"');
    } else {
      slow.write(t, off, n, out); // NaN, ±Infinity, and anything unusual
    }
  }

  private static boolean allZeros(byte[] t, int from, int to) {
    for (int i = from; i < to; i++) {
      if (t[i] != '0' && t[i] != '.') {
        return false;
      }
    }
    return true;
  }

  private static void bool(byte[] t, int off, int n, JsonWriter out, ValueJsonWriter slow) {
    if (n == 1 && t[off] == 't') {
      out.bytes(TRUE);
    } else if (n == 1 && t[off] == 'f') {
      out.bytes(FALSE);
    } else {
      slow.write(t, off, n, out);
    }
  }

  /** json and jsonb are embedded as they are; ASCII text needs no decoding to be sure of that. */
  private static void json(byte[] t, int off, int n, JsonWriter out, ValueJsonWriter slow) {
    for (int i = off; i < off + n; i++) {
      if (t[i] < 0) {
        slow.write(t, off, n, out);
        return;
      }
    }
    out.bytes(t, off, n);
  }

  /** {@code 2024-01-02 03:04:05.123456} as {@code "2024-01-02T03:04:05.123456"}. */
  private static void timestamp(byte[] t, int off, int n, JsonWriter out, ValueJsonWriter slow) {
    int space = isoSpace(t, off, n);
    if (space < 0) {
      slow.write(t, off, n, out);
      return;
    }
    out.raw('"').bytes(t, off, space - off).raw('T');
    out.bytes(t, space + 1, off + n - space - 1).raw('"');
  }

  /** {@code 2024-01-02 03:04:05.123+00} as {@code "2024-01-02T03:04:05.123Z"}. */
  private static void timestamptz(byte[] t, int off, int n, JsonWriter out, ValueJsonWriter slow) {
    int end = off + n;
    int space = isoSpace(t, off, n);
    if (space < 0 || n < 4 || t[end - 3] != '+' || t[end - 2] != '0' || t[end - 1] != '0') {
      slow.write(t, off, n, out); // another offset, infinity, BC
      return;
    }
    out.raw('"').bytes(t, off, space - off).raw('T');
    out.bytes(t, space + 1, end - 3 - space - 1).raw('Z').raw('"');
  }

  /**
   * The one space of a date-time in PostgreSQL's ISO output (digits, {@code - : . +} and a single
   * space between date and time), or -1 for anything else: infinity, BC, other styles.
   */
  private static int isoSpace(byte[] t, int off, int n) {
    int space = -1;
    for (int i = off; i < off + n; i++) {
      byte b = t[i];
      if (b == ' ') {
        if (space >= 0) {
          return -1;
        }
        space = i;
      } else if ((b < '0' || b > '9') && b != '-' && b != ':' && b != '.' && b != '+') {
        return -1;
      }
    }
    return space;
  }
}

package io.tributary.api.json;

import io.tributary.api.RawJson;
import io.tributary.api.Unavailable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small, allocation-light JSON writer into a growable UTF-8 byte buffer. Reuse one instance per
 * thread with {@link #reset()}; it is not thread-safe.
 *
 * <p>Values map as: null → null; Boolean; Integer/Long/Short → number; Double/Float → number, or
 * the strings "NaN", "Infinity", "-Infinity"; BigDecimal → string (exact, as Debezium's {@code
 * decimal.handling.mode=string}); byte[] → base64 string; List → array; Map → object; {@link
 * RawJson} → embedded as is; {@link Unavailable} → its placeholder string; anything else → its
 * {@code toString()} as a string.
 */
public final class JsonWriter {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DIGIT_TENS = new byte[100];
  private static final byte[] DIGIT_ONES = new byte[100];

  static {
    for (int i = 0; i < 100; i++) {
      DIGIT_TENS[i] = (byte) ('0' + i / 10);
      DIGIT_ONES[i] = (byte) ('0' + i % 10);
    }
  }

  private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

  private byte[] buf;
  private int len;

  public JsonWriter() {
    this(512);
  }

  public JsonWriter(int capacity) {
    buf = new byte[capacity];
  }

  /** A writer into {@code buffer} (grown by replacing it when full); see {@link #buffer()}. */
  public JsonWriter(byte[] buffer) {
    buf = buffer;
  }

  public JsonWriter reset() {
    len = 0;
    return this;
  }

  public int length() {
    return len;
  }

  /** Drops everything written after the first {@code length} bytes. */
  public JsonWriter truncate(int length) {
    Objects.checkFromToIndex(0, length, len);
    len = length;
    return this;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  /** The internal buffer; only the first {@link #length()} bytes are valid. */
  public byte[] buffer() {
    return buf;
  }

  @Override
  public String toString() {
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }

  public JsonWriter raw(char c) {
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  public JsonWriter raw(String ascii) {
    int n = ascii.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) ascii.charAt(i);
    }
    return this;
  }

  private JsonWriter raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
    return this;
  }

  /** Writes {@code "name":} — the caller writes commas. */
  public JsonWriter name(String name) {
    string(name);
    return raw(':');
  }

  public JsonWriter number(long n) {
    if (n < 0) {
      if (n == Long.MIN_VALUE) {
        return raw(Long.toString(n));
      }
      raw('-');
      n = -n;
    }
    ensure(19);
    int p = len + digits(n);
    len = p;
    // two digits per step from a table: this runs several times per event
    while (n >= 100) {
      long q = n / 100;
      int r = (int) (n - q * 100);
      n = q;
      buf[--p] = DIGIT_ONES[r];
      buf[--p] = DIGIT_TENS[r];
    }
    int r = (int) n;
    buf[--p] = DIGIT_ONES[r];
    if (r >= 10) {
      buf[--p] = DIGIT_TENS[r];
    }
    return this;
  }

  private static int digits(long n) {
    long p = 10;
    for (int i = 1; i < 19; i++) {
      if (n < p) {
        return i;
      }
      p *= 10;
    }
    return 19;
  }

  /** Bytes written as they are, e.g. a pre-encoded {@code "name":}. */
  public JsonWriter bytes(byte[] bytes) {
    return raw(bytes);
  }

  /** {@code src[off, off + n)} written as it is, e.g. a number already in JSON syntax. */
  public JsonWriter bytes(byte[] src, int off, int n) {
    ensure(n);
    System.arraycopy(src, off, buf, len, n);
    len += n;
    return this;
  }

  /**
   * A JSON string of the UTF-8 text in {@code src[off, off + n)}: the same bytes {@link
   * #string(String)} writes for that text decoded, without decoding it when it is valid UTF-8.
   * Malformed UTF-8 is decoded with replacement characters, as {@code new String} would.
   */
  public JsonWriter utf8String(byte[] src, int off, int n) {
    ensure(n + 2);
    byte[] b = buf;
    int p = len;
    b[p++] = '"';
    int end = off + n;
    for (int i = off; i < end; i++) {
      byte c = src[i];
      if (c >= 0x20 && c != '"' && c != '\\') { // printable ASCII (non-ASCII bytes are negative)
        b[p++] = c;
      } else {
        return slowUtf8String(src, off, n); // len still stands before the opening quote
      }
    }
    b[p++] = '"';
    len = p;
    return this;
  }

  /** Strings with escapes or non-ASCII text: decoded, then written as {@link #string(String)}. */
  private JsonWriter slowUtf8String(byte[] src, int off, int n) {
    return string(new String(src, off, n, StandardCharsets.UTF_8));
  }

  public JsonWriter string(String s) {
    int n = s.length();
    if (n > 65_536) {
      return longString(s);
    }
    // worst case: every char escaped as a six-byte unicode escape; reserving it once keeps the loop
    // free of checks
    ensure(n * 6 + 2);
    byte[] b = buf;
    int p = len;
    b[p++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        b[p++] = (byte) c;
      } else {
        len = p;
        escaped(s, i, c);
        p = len;
        if (startsPair(s, i)) {
          i++;
        }
      }
    }
    b[p++] = '"';
    len = p;
    return this;
  }

  /** Large values grow the buffer as they go instead of reserving six bytes a char up front. */
  private JsonWriter longString(String s) {
    raw('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      ensure(6);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        buf[len++] = (byte) c;
      } else {
        escaped(s, i, c);
        if (startsPair(s, i)) {
          i++;
        }
      }
    }
    return raw('"');
  }

  private void escaped(String s, int i, char c) {
    switch (c) {
      case '"' -> raw("\\\"");
      case '\\' -> raw("\\\\");
      case '\n' -> raw("\\n");
      case '\r' -> raw("\\r");
      case '\t' -> raw("\\t");
      default -> {
        if (c < 0x20) {
          ensure(6);
          raw("\\u00");
          buf[len++] = HEX[c >> 4];
          buf[len++] = HEX[c & 0xF];
        } else if (startsPair(s, i)) {
          utf8(Character.toCodePoint(c, s.charAt(i + 1)));
        } else {
          utf8(c);
        }
      }
    }
  }

  /** Whether a surrogate pair (a high surrogate, then a low one) starts at {@code s[i]}. */
  private static boolean startsPair(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i))
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1));
  }

  private void utf8(int cp) {
    ensure(4);
    if (cp < 0x80) {
      buf[len++] = (byte) cp;
    } else if (cp < 0x800) {
      buf[len++] = (byte) (0xC0 | (cp >> 6));
      buf[len++] = (byte) (0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      if (cp >= 0xD800 && cp <= 0xDFFF) { // lone surrogate: not representable, replace
        cp = 0xFFFD;
      }
      buf[len++] = (byte) (0xE0 | (cp >> 12));
      buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      buf[len++] = (byte) (0x80 | (cp & 0x3F));
    } else {
      buf[len++] = (byte) (0xF0 | (cp >> 18));
      buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      buf[len++] = (byte) (0x80 | (cp & 0x3F));
    }
  }

  public JsonWriter value(Object v) {
    // an instanceof chain, most frequent types first: this runs for every column of every event
    if (v == null) {
      return raw(NULL);
    }
    if (v instanceof String s) {
      return string(s);
    }
    if (v instanceof Long l) {
      return number(l);
    }
    if (v instanceof Integer i) {
      return number(i);
    }
    if (v instanceof BigDecimal d) {
      return string(d.toPlainString());
    }
    if (v instanceof Boolean b) {
      return raw(b ? TRUE : FALSE);
    }
    return other(v);
  }

  private JsonWriter other(Object v) {
    switch (v) {
      case Short s -> number(s);
      case Double d -> floating(d);
      case Float f -> floating(f.doubleValue());
      case byte[] bytes -> string(Base64.getEncoder().encodeToString(bytes));
      case RawJson j -> raw(j.json().getBytes(StandardCharsets.UTF_8));
      case Unavailable u -> string(Unavailable.PLACEHOLDER);
      case List<?> list -> array(list);
      case Map<?, ?> map -> object(map);
      default -> string(v.toString());
    }
    return this;
  }

  private void floating(double d) {
    if (Double.isNaN(d)) {
      string("NaN");
    } else if (Double.isInfinite(d)) {
      string(d > 0 ? "Infinity" : "-Infinity");
    } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      raw(Long.toString((long) d)).raw(".0");
    } else {
      raw(Double.toString(d));
    }
  }

  private void array(List<?> list) {
    raw('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        raw(',');
      }
      value(list.get(i));
    }
    raw(']');
  }

  private void object(Map<?, ?> map) {
    raw('{');
    boolean first = true;
    for (var e : map.entrySet()) {
      if (!first) {
        raw(',');
      }
      first = false;
      name(String.valueOf(e.getKey()));
      value(e.getValue());
    }
    raw('}');
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }
}

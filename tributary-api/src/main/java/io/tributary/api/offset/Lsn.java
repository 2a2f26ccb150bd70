package io.tributary.api.offset;

import java.util.Locale;

/**
 * A PostgreSQL log sequence number: a 64-bit position in the write-ahead log, written {@code X/Y}
 * in hexadecimal. Unlike a lenient parser, {@link #parse} rejects anything that is not exactly that
 * form.
 *
 * @param value the position as an unsigned 64-bit number
 */
public record Lsn(long value) implements Comparable<Lsn> {

  public static final Lsn ZERO = new Lsn(0);

  public static Lsn parse(String text) {
    int slash = text == null ? -1 : text.indexOf('/');
    if (slash < 1 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException("not an LSN (expected X/Y in hexadecimal): " + text);
    }
    try {
      long hi = Long.parseUnsignedLong(text.substring(0, slash), 16);
      long lo = Long.parseUnsignedLong(text.substring(slash + 1), 16);
      if (hi > 0xFFFFFFFFL || lo > 0xFFFFFFFFL) {
        throw new IllegalArgumentException(
            "not an LSN (each half is at most 8 hex digits): " + text);
      }
      return new Lsn(hi << 32 | lo);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an LSN (expected X/Y in hexadecimal): " + text, e);
    }
  }

  public boolean isAfter(Lsn other) {
    return compareTo(other) > 0;
  }

  public boolean isBefore(Lsn other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(Lsn other) {
    return Long.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toHexString(value >>> 32).toUpperCase(Locale.ROOT)
        + "/"
        + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase(Locale.ROOT);
  }
}

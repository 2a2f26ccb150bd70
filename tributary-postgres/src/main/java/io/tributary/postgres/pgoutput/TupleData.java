package io.tributary.postgres.pgoutput;

import io.tributary.api.Unavailable;
import io.tributary.postgres.event.TextFields;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.StringJoiner;

/**
 * The column values of one row as pgoutput sends them (the protocol's {@code TupleData}), in the
 * column order of the table's {@link Relation}.
 *
 * <p>Each value has one of four kinds:
 *
 * <ul>
 *   <li>{@link #NULL} ('n'): SQL NULL, read as {@code null};
 *   <li>{@link #UNCHANGED_TOAST} ('u'): an unchanged TOASTed value that was not sent, read as
 *       {@link Unavailable#VALUE};
 *   <li>{@link #TEXT} ('t'): the value in the type's text format, read as a {@link String};
 *   <li>{@link #BINARY} ('b'): the value in the type's binary format, read as {@code byte[]} (only
 *       sent when the subscription asks for {@code binary 'true'}).
 * </ul>
 *
 * <p>The tuple keeps the bytes it was sent as, in one array: values are decoded only when asked for
 * ({@link #value}), and {@link #fill} hands the text values to a writer that needs no Strings.
 * Immutable; decoded values are cached, so an instance is not meant to be shared between threads.
 */
public final class TupleData {
  public static final char NULL = 'n';
  public static final char UNCHANGED_TOAST = 'u';
  public static final char TEXT = 't';
  public static final char BINARY = 'b';

  private final byte[] data;
  private final byte[] kinds;
  private final int[] starts;
  private final int[] lengths;
  private final Object[] decoded;

  private TupleData(byte[] data, byte[] kinds, int[] starts, int[] lengths) {
    this.data = data;
    this.kinds = kinds;
    this.starts = starts;
    this.lengths = lengths;
    this.decoded = new Object[kinds.length];
  }

  /**
   * Takes ownership of the arrays: column {@code i} has kind {@code kinds[i]} and, for text and
   * binary values, the bytes {@code data[starts[i], starts[i] + lengths[i])}.
   */
  static TupleData wrap(byte[] data, byte[] kinds, int[] starts, int[] lengths) {
    return new TupleData(data, kinds, starts, lengths);
  }

  /**
   * A tuple of the given values: {@code null}, {@link Unavailable#VALUE}, {@link String} (text) or
   * {@code byte[]} (binary). Meant for tests and tools; the decoder builds tuples without copying.
   */
  public static TupleData of(Object... values) {
    byte[] kinds = new byte[values.length];
    int[] starts = new int[values.length];
    int[] lengths = new int[values.length];
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      byte[] b;
      if (v == null) {
        kinds[i] = NULL;
        continue;
      } else if (v == Unavailable.VALUE) {
        kinds[i] = UNCHANGED_TOAST;
        continue;
      } else if (v instanceof String s) {
        kinds[i] = TEXT;
        b = s.getBytes(StandardCharsets.UTF_8);
      } else if (v instanceof byte[] raw) {
        kinds[i] = BINARY;
        b = raw;
      } else {
        throw new IllegalArgumentException(
            "tuple value "
                + i
                + " must be null, Unavailable.VALUE, a String or a byte[], not a "
                + v.getClass().getName());
      }
      starts[i] = bytes.size();
      lengths[i] = b.length;
      bytes.writeBytes(b);
    }
    return new TupleData(bytes.toByteArray(), kinds, starts, lengths);
  }

  /** The number of columns. */
  public int size() {
    return kinds.length;
  }

  /**
   * The protocol kind of column {@code i}: {@link #NULL}, {@link #UNCHANGED_TOAST}, {@link #TEXT}
   * or {@link #BINARY}.
   */
  public char kind(int i) {
    return (char) kinds[i];
  }

  /**
   * The value of column {@code i}: {@code null}, {@link Unavailable#VALUE}, a {@link String} or a
   * {@code byte[]} (a copy of its own).
   */
  public Object value(int i) {
    return switch (kinds[i]) {
      case NULL -> null;
      case UNCHANGED_TOAST -> Unavailable.VALUE;
      case TEXT -> text(i);
      default -> binary(i);
    };
  }

  public boolean isNull(int i) {
    return kinds[i] == NULL;
  }

  public boolean isUnchangedToast(int i) {
    return kinds[i] == UNCHANGED_TOAST;
  }

  /** The text of column {@code i}; fails unless its kind is {@link #TEXT}. */
  public String text(int i) {
    if (kinds[i] != TEXT) {
      throw new IllegalStateException("column " + i + " is of kind '" + kind(i) + "', not text");
    }
    if (decoded[i] == null) {
      decoded[i] = new String(data, starts[i], lengths[i], StandardCharsets.UTF_8);
    }
    return (String) decoded[i];
  }

  /** The binary value of column {@code i}; fails unless its kind is {@link #BINARY}. */
  public byte[] binary(int i) {
    if (kinds[i] != BINARY) {
      throw new IllegalStateException("column " + i + " is of kind '" + kind(i) + "', not binary");
    }
    return Arrays.copyOfRange(data, starts[i], starts[i] + lengths[i]);
  }

  /**
   * Locates every value in {@code into} as text: a NULL as {@link TextFields#NULL}, an unchanged
   * TOASTed value as {@link TextFields#UNCHANGED}, a text value as its bytes.
   *
   * @return false, leaving {@code into} incomplete, when a value is binary
   */
  public boolean fill(TextFields into) {
    into.reset(data);
    for (int i = 0; i < kinds.length; i++) {
      switch (kinds[i]) {
        case NULL -> into.add(0, TextFields.NULL);
        case UNCHANGED_TOAST -> into.add(0, TextFields.UNCHANGED);
        case TEXT -> into.add(starts[i], lengths[i]);
        default -> {
          return false;
        }
      }
    }
    return true;
  }

  private Object[] values() {
    Object[] out = new Object[kinds.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = value(i);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TupleData t && Arrays.deepEquals(values(), t.values());
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(values());
  }

  @Override
  public String toString() {
    StringJoiner s = new StringJoiner(", ", "TupleData[", "]");
    for (Object v : values()) {
      s.add(
          v instanceof byte[] b
              ? b.length + " bytes"
              : v instanceof String t ? '"' + t + '"' : String.valueOf(v));
    }
    return s.toString();
  }
}

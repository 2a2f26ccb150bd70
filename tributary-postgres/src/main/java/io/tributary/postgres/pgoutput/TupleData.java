package io.tributary.postgres.pgoutput;

import io.tributary.api.Unavailable;
import java.util.Arrays;
import java.util.StringJoiner;

/**
 * The column values of one row as pgoutput sends them (the protocol's {@code TupleData}), in the
 * column order of the table's {@link Relation}.
 *
 * <p>Each value has one of four kinds, held as the object that stands for it so that no second
 * array is needed:
 *
 * <ul>
 *   <li>{@link #NULL} ('n'): SQL NULL, held as {@code null};
 *   <li>{@link #UNCHANGED_TOAST} ('u'): an unchanged TOASTed value that was not sent, held as
 *       {@link Unavailable#VALUE};
 *   <li>{@link #TEXT} ('t'): the value in the type's text format, decoded eagerly as a UTF-8 {@link
 *       String} (one copy straight from the message buffer; text is what every consumer needs
 *       next);
 *   <li>{@link #BINARY} ('b'): the value in the type's binary format, held as {@code byte[]} (only
 *       sent when the subscription asks for {@code binary 'true'}).
 * </ul>
 *
 * <p>Immutable as long as nobody writes into the arrays returned by {@link #binary(int)}, which are
 * not copied for speed.
 */
public final class TupleData {
  public static final char NULL = 'n';
  public static final char UNCHANGED_TOAST = 'u';
  public static final char TEXT = 't';
  public static final char BINARY = 'b';

  private final Object[] values;

  private TupleData(Object[] values) {
    this.values = values;
  }

  /** Takes ownership of the array, which must hold only the objects listed in the class comment. */
  static TupleData wrap(Object[] values) {
    return new TupleData(values);
  }

  /**
   * A tuple of the given values: {@code null}, {@link Unavailable#VALUE}, {@link String} (text) or
   * {@code byte[]} (binary). Meant for tests and tools; the decoder builds tuples without copying.
   */
  public static TupleData of(Object... values) {
    Object[] copy = values.clone();
    for (int i = 0; i < copy.length; i++) {
      Object v = copy[i];
      if (v != null && v != Unavailable.VALUE && !(v instanceof String) && !(v instanceof byte[])) {
        throw new IllegalArgumentException(
            "tuple value "
                + i
                + " must be null, Unavailable.VALUE, a String or a byte[], not a "
                + v.getClass().getName());
      }
    }
    return new TupleData(copy);
  }

  /** The number of columns. */
  public int size() {
    return values.length;
  }

  /**
   * The protocol kind of column {@code i}: {@link #NULL}, {@link #UNCHANGED_TOAST}, {@link #TEXT}
   * or {@link #BINARY}.
   */
  public char kind(int i) {
    Object v = values[i];
    if (v == null) {
      return NULL;
    }
    if (v instanceof String) {
      return TEXT;
    }
    return v == Unavailable.VALUE ? UNCHANGED_TOAST : BINARY;
  }

  /**
   * The value of column {@code i}: {@code null}, {@link Unavailable#VALUE}, a {@link String} or a
   * {@code byte[]}.
   */
  public Object value(int i) {
    return values[i];
  }

  public boolean isNull(int i) {
    return values[i] == null;
  }

  public boolean isUnchangedToast(int i) {
    return values[i] == Unavailable.VALUE;
  }

  /** The text of column {@code i}; fails unless its kind is {@link #TEXT}. */
  public String text(int i) {
    if (values[i] instanceof String s) {
      return s;
    }
    throw new IllegalStateException("column " + i + " is of kind '" + kind(i) + "', not text");
  }

  /** The binary value of column {@code i}, not copied; fails unless its kind is {@link #BINARY}. */
  public byte[] binary(int i) {
    if (values[i] instanceof byte[] b) {
      return b;
    }
    throw new IllegalStateException("column " + i + " is of kind '" + kind(i) + "', not binary");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TupleData t && Arrays.deepEquals(values, t.values);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(values);
  }

  @Override
  public String toString() {
    StringJoiner s = new StringJoiner(", ", "TupleData[", "]");
    for (Object v : values) {
      s.add(
          v instanceof byte[] b
              ? b.length + " bytes"
              : v instanceof String t ? '"' + t + '"' : String.valueOf(v));
    }
    return s.toString();
  }
}

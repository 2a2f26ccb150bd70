package io.tributary.postgres.event;

import java.util.Arrays;

/**
 * One row's values as PostgreSQL text, located in a byte buffer rather than copied out: field
 * {@code i} is {@code buffer()[start(i), start(i) + length(i))}, or SQL NULL ({@link #NULL}), or a
 * value the source did not send ({@link #UNCHANGED}, an unchanged TOASTed value). Reused from row
 * to row by whoever fills it; not thread-safe.
 */
public final class TextFields {
  /** The length of a SQL NULL. */
  public static final int NULL = -1;

  /** The length of a value the source left out because it did not change. */
  public static final int UNCHANGED = -2;

  private byte[] buffer = new byte[0];
  private int[] starts = new int[16];
  private int[] lengths = new int[16];
  private int count;

  /** Starts a new row whose fields lie in {@code buffer}. */
  public TextFields reset(byte[] buffer) {
    this.buffer = buffer;
    count = 0;
    return this;
  }

  /** Adds the next field: a length of {@link #NULL} or {@link #UNCHANGED} marks those. */
  public void add(int start, int length) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      lengths = Arrays.copyOf(lengths, count * 2);
    }
    starts[count] = start;
    lengths[count] = length;
    count++;
  }

  public byte[] buffer() {
    return buffer;
  }

  public int count() {
    return count;
  }

  public int start(int i) {
    return starts[i];
  }

  public int length(int i) {
    return lengths[i];
  }
}

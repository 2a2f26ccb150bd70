package io.tributary.postgres.types;

import io.tributary.postgres.event.TextFields;
import java.nio.charset.StandardCharsets;

/**
 * Splits one row of {@code COPY ... TO STDOUT} text format into its fields: fields are separated by
 * tabs, {@code \N} alone is SQL NULL, and backslash escapes are undone — {@code \b \f \n \r \t \v},
 * {@code \\}, one to three octal digits ({@code \0}…{@code \377}), {@code \x} with one or two hex
 * digits, and a backslash before any other character stands for that character. The bytes are
 * decoded as UTF-8 (the client encoding of pgjdbc connections) after unescaping, since octal and
 * hex escapes denote bytes.
 *
 * <p>A row without backslashes is read in place; a row with escapes is unescaped into an internal
 * scratch buffer, which makes an instance unsafe to share between threads: use one per worker.
 */
public final class CopyTextParser {
  private static final byte TAB = '\t';
  private static final byte BACKSLASH = '\\';

  private byte[] scratch = new byte[128];
  private final TextFields parsed = new TextFields();

  /** Parses a whole row; a trailing newline, as pgjdbc's {@code CopyOut} leaves it, is ignored. */
  public String[] parse(byte[] row) {
    return parse(row, 0, row.length);
  }

  /**
   * Parses the row in {@code row[offset, offset + length)}: {@link #split}, then each field
   * decoded.
   *
   * @return one String per field, null for {@code \N}
   * @throws IllegalArgumentException if a field ends with a lone backslash
   */
  public String[] parse(byte[] row, int offset, int length) {
    split(row, offset, length, parsed);
    String[] fields = new String[parsed.count()];
    for (int i = 0; i < fields.length; i++) {
      int n = parsed.length(i);
      fields[i] =
          n == TextFields.NULL
              ? null
              : new String(parsed.buffer(), parsed.start(i), n, StandardCharsets.UTF_8);
    }
    return fields;
  }

  /** {@link #split(byte[], int, int, TextFields)} of a whole row. */
  public TextFields split(byte[] row, TextFields into) {
    return split(row, 0, row.length, into);
  }

  /**
   * Locates the fields of the row in {@code row[offset, offset + length)} in {@code into}, without
   * making Strings: the fields lie in {@code row} itself, or, when the row has an escape, in a
   * scratch buffer of this parser that holds them unescaped (valid until the next call). {@code \N}
   * is {@link TextFields#NULL}; a trailing newline is ignored.
   *
   * @throws IllegalArgumentException if a field ends with a lone backslash
   */
  public TextFields split(byte[] row, int offset, int length, TextFields into) {
    int end = offset + length;
    if (end > offset && row[end - 1] == '\n') {
      end--; // a data newline is always escaped, so a raw one can only be the row terminator
    }
    into.reset(row);
    int start = offset;
    for (int i = offset; i < end; i++) {
      byte b = row[i];
      if (b == TAB) {
        into.add(start, i - start);
        start = i + 1;
      } else if (b == BACKSLASH) {
        return splitEscaped(row, offset, end, into);
      }
    }
    into.add(start, end - start);
    return into;
  }

  /** {@link #split} for a row with escapes: every field is copied, unescaped, to the scratch. */
  private TextFields splitEscaped(byte[] row, int offset, int end, TextFields into) {
    if (scratch.length < end - offset) {
      scratch = new byte[Math.max(end - offset, scratch.length * 2)];
    }
    into.reset(scratch);
    int n = 0;
    int start = offset;
    for (int i = offset; i <= end; i++) {
      if (i == end || row[i] == TAB) {
        if (i - start == 2 && row[start] == BACKSLASH && row[start + 1] == 'N') {
          into.add(n, TextFields.NULL);
        } else {
          int from = n;
          n = unescapeInto(row, start, i, scratch, n);
          into.add(from, n - from);
        }
        start = i + 1;
      }
    }
    return into;
  }

  /**
   * Writes {@code row[i, to)} to {@code out} from {@code n} on with escapes undone; returns where
   * it ended. {@code out} has room: unescaping never lengthens.
   */
  private static int unescapeInto(byte[] row, int i, int to, byte[] out, int n) {
    while (i < to) {
      byte b = row[i++];
      if (b != BACKSLASH) {
        out[n++] = b;
        continue;
      }
      if (i == to) {
        throw new IllegalArgumentException("COPY text field ends with a lone backslash");
      }
      byte c = row[i++];
      switch (c) {
        case 'b' -> out[n++] = '\b';
        case 'f' -> out[n++] = '\f';
        case 'n' -> out[n++] = '\n';
        case 'r' -> out[n++] = '\r';
        case 't' -> out[n++] = '\t';
        case 'v' -> out[n++] = 0x0B;
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int v = c - '0';
          for (int k = 0; k < 2 && i < to && row[i] >= '0' && row[i] <= '7'; k++) {
            v = v << 3 | row[i++] - '0';
          }
          out[n++] = (byte) v;
        }
        case 'x' -> {
          int d = i < to ? Character.digit(row[i], 16) : -1;
          if (d < 0) {
            out[n++] = 'x'; // "\x" without a hex digit is a plain x, as COPY FROM reads it
          } else {
            i++;
            int d2 = i < to ? Character.digit(row[i], 16) : -1;
            if (d2 >= 0) {
              d = d << 4 | d2;
              i++;
            }
            out[n++] = (byte) d;
          }
        }
        default -> out[n++] = c;
      }
    }
    return n;
  }
}

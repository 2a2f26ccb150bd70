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
 * <p>A field without backslashes becomes a String straight from the input; only escaped fields pass
 * through an internal scratch buffer, which makes an instance unsafe to share between threads: use
 * one per worker.
 */
public final class CopyTextParser {
  private static final byte TAB = '\t';
  private static final byte BACKSLASH = '\\';

  private byte[] scratch = new byte[128];

  /** Parses a whole row; a trailing newline, as pgjdbc's {@code CopyOut} leaves it, is ignored. */
  public String[] parse(byte[] row) {
    return parse(row, 0, row.length);
  }

  /**
   * Parses the row in {@code row[offset, offset + length)}.
   *
   * @return one String per field, null for {@code \N}
   * @throws IllegalArgumentException if a field ends with a lone backslash
   */
  public String[] parse(byte[] row, int offset, int length) {
    int end = offset + length;
    if (end > offset && row[end - 1] == '\n') {
      end--; // a data newline is always escaped, so a raw one can only be the row terminator
    }
    String[] fields = new String[countFields(row, offset, end)];
    int start = offset;
    int f = 0;
    for (int i = offset; i < end; i++) {
      if (row[i] == TAB) {
        fields[f++] = field(row, start, i);
        start = i + 1;
      }
    }
    fields[f] = field(row, start, end);
    return fields;
  }

  private static int countFields(byte[] row, int from, int to) {
    int n = 1;
    for (int i = from; i < to; i++) {
      if (row[i] == TAB) {
        n++;
      }
    }
    return n;
  }

  private String field(byte[] row, int from, int to) {
    for (int i = from; i < to; i++) {
      if (row[i] == BACKSLASH) {
        if (to - from == 2 && row[from + 1] == 'N') {
          return null;
        }
        return unescape(row, from, to, i);
      }
    }
    return new String(row, from, to - from, StandardCharsets.UTF_8);
  }

  /** Copies the field to the scratch buffer, undoing escapes from the first backslash on. */
  private String unescape(byte[] row, int from, int to, int firstBackslash) {
    if (scratch.length < to - from) {
      scratch = new byte[Math.max(to - from, scratch.length * 2)];
    }
    int n = firstBackslash - from;
    System.arraycopy(row, from, scratch, 0, n);
    n = unescapeInto(row, firstBackslash, to, scratch, n);
    return new String(scratch, 0, n, StandardCharsets.UTF_8);
  }

  /**
   * Locates the fields of a whole row in {@code into}, without making Strings: the fields lie in
   * {@code row} itself, or, when the row has an escape, in a scratch buffer of this parser that
   * holds them unescaped (valid until the next call). {@code \N} is {@link TextFields#NULL}.
   *
   * @throws IllegalArgumentException if a field ends with a lone backslash
   */
  public TextFields split(byte[] row, TextFields into) {
    int end = row.length;
    if (end > 0 && row[end - 1] == '\n') {
      end--;
    }
    into.reset(row);
    int start = 0;
    for (int i = 0; i < end; i++) {
      byte b = row[i];
      if (b == TAB) {
        into.add(start, i - start);
        start = i + 1;
      } else if (b == BACKSLASH) {
        return splitEscaped(row, end, into);
      }
    }
    into.add(start, end - start);
    return into;
  }

  /** {@link #split} for a row with escapes: every field is copied, unescaped, to the scratch. */
  private TextFields splitEscaped(byte[] row, int end, TextFields into) {
    if (scratch.length < end) {
      scratch = new byte[Math.max(end, scratch.length * 2)];
    }
    into.reset(scratch);
    int n = 0;
    int start = 0;
    for (int i = 0; i <= end; i++) {
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

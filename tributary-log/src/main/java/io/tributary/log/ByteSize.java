package io.tributary.log;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes as people write it: {@code 1048576}, {@code 512MB} (powers of 1000) or {@code
 * 512MiB} (powers of 1024), with units {@code B, KB, MB, GB, TB, KiB, MiB, GiB, TiB} in any case.
 * Parsing is strict: anything else is rejected, never guessed.
 *
 * @param bytes the size, not negative
 */
record ByteSize(long bytes) {
  private static final Pattern FORM = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");

  ByteSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size must not be negative: " + bytes);
    }
  }

  static ByteSize parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "must be a size such as 1073741824, 500MB or 10GiB, was '" + text + "'");
    }
    long unit =
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "", "b" -> 1L;
          case "kb" -> 1_000L;
          case "mb" -> 1_000_000L;
          case "gb" -> 1_000_000_000L;
          case "tb" -> 1_000_000_000_000L;
          case "kib" -> 1L << 10;
          case "mib" -> 1L << 20;
          case "gib" -> 1L << 30;
          case "tib" -> 1L << 40;
          default ->
              throw new IllegalArgumentException(
                  "unknown size unit '"
                      + m.group(2)
                      + "' (use B, KB, MB, GB, TB, KiB, MiB, GiB or"
                      + " TiB), was '"
                      + text
                      + "'");
        };
    try {
      return new ByteSize(Math.multiplyExact(Long.parseLong(m.group(1)), unit));
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("size too large: '" + text + "'", e);
    }
  }
}

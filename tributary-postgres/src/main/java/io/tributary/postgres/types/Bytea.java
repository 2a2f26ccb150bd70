package io.tributary.postgres.types;

import java.util.Arrays;

/**
 * Decodes bytea text: the hex format ({@code \x0a0b}, the default since PostgreSQL 9.0) and the
 * older escape format ({@code a\000\\b}: printable bytes as themselves, a backslash doubled, other
 * bytes as three octal digits).
 */
final class Bytea {
  private Bytea() {}

  static byte[] parse(String text) {
    if (text.length() >= 2 && text.charAt(0) == '\\' && text.charAt(1) == 'x') {
      return hex(text);
    }
    return escaped(text);
  }

  private static byte[] hex(String text) {
    int digits = text.length() - 2;
    if (digits % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits in bytea");
    }
    byte[] out = new byte[digits / 2];
    for (int i = 0, p = 2; i < out.length; i++, p += 2) {
      out[i] = (byte) (hexDigit(text, p) << 4 | hexDigit(text, p + 1));
    }
    return out;
  }

  private static int hexDigit(String text, int at) {
    int d = Character.digit(text.charAt(at), 16);
    if (d < 0) {
      throw new IllegalArgumentException(
          "invalid hex digit '" + text.charAt(at) + "' in bytea at " + at);
    }
    return d;
  }

  private static byte[] escaped(String text) {
    byte[] out = new byte[text.length()];
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        if (c > 0xFF) {
          throw new IllegalArgumentException(
              "character U+" + Integer.toHexString(c) + " in escaped bytea");
        }
        out[n++] = (byte) c;
      } else if (i + 1 < text.length() && text.charAt(i + 1) == '\\') {
        out[n++] = '\\';
        i++;
      } else if (isOctalByte(text, i + 1)) {
        out[n++] = (byte) Integer.parseInt(text, i + 1, i + 4, 8);
        i += 3;
      } else {
        throw new IllegalArgumentException(
            "invalid escape at " + i + " in bytea (expected \\\\ or \\ooo)");
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** Three octal digits of value 0 to 255 ({@code \000} to {@code \377}) start at {@code at}. */
  private static boolean isOctalByte(String text, int at) {
    return at + 3 <= text.length()
        && text.charAt(at) >= '0'
        && text.charAt(at) <= '3'
        && isOctal(text.charAt(at + 1))
        && isOctal(text.charAt(at + 2));
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }
}

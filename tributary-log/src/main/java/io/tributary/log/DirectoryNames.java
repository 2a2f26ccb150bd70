package io.tributary.log;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Maps any name (a stream, a pipeline) to a directory name that is safe on every file system, and
 * back: {@code [A-Za-z0-9._-]} stay as they are, every other UTF-8 byte becomes {@code %XX}. A
 * leading dot is encoded too, so no name becomes {@code .}, {@code ..} or a hidden directory.
 *
 * <p>Case is kept: on a case-insensitive file system, names differing only in case share a
 * directory.
 */
final class DirectoryNames {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final int MAX_LENGTH = 255;

  private DirectoryNames() {}

  static String encode(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a stream or pipeline name must not be empty");
    }
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      if (isSafe(b) && !(i == 0 && b == '.')) {
        out.append((char) b);
      } else {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
      }
    }
    if (out.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "name too long to be a directory name (" + out.length() + " bytes encoded): " + name);
    }
    return out.toString();
  }

  /** The name a directory stands for, or null when it is not the encoding of any name. */
  static String decode(String directoryName) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(directoryName.length());
    for (int i = 0; i < directoryName.length(); i++) {
      char c = directoryName.charAt(i);
      if (c == '%' && i + 2 < directoryName.length()) {
        int hi = Character.digit(directoryName.charAt(i + 1), 16);
        int lo = Character.digit(directoryName.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else if (c < 0x80 && isSafe(c)) {
        bytes.write(c);
      } else {
        return null;
      }
    }
    String name = bytes.toString(StandardCharsets.UTF_8);
    // Only the canonical encoding counts, so that two directories never claim the same stream.
    try {
      return encode(name).equals(directoryName) ? name : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isSafe(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-';
  }
}

package io.tributary.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Hashes of bearer tokens, so the server stores only hashes: SHA-256 is enough (no slow password
 * hash) because the tokens carry 256 random bits. Stateless.
 */
final class TokenHashes {
  private TokenHashes() {}

  /** The lowercase hex SHA-256 of {@code token}'s UTF-8 bytes. */
  static String sha256Hex(String token) {
    return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Whether {@code token} hashes to {@code storedHash}, compared in constant time so the time taken
   * says nothing about how much of the hash matched.
   */
  static boolean matches(String token, String storedHash) {
    if (token == null || storedHash == null) {
      return false;
    }
    byte[] expected = storedHash.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = sha256Hex(token).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(actual, expected);
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

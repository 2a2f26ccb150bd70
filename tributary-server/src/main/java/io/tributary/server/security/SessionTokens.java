package io.tributary.server.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Session ids for the UI's session cookie: 32 random bytes in base64url (43 characters). The server
 * gives the id to the browser and stores only {@link #hash} of it, so a leaked metadata store holds
 * no usable session; a presented cookie is looked up by its hash.
 *
 * <p>Thread-safe.
 */
public final class SessionTokens {
  private static final int BYTES = 32;
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final SecureRandom random;

  /** Session ids drawn from {@code random}. */
  public SessionTokens(SecureRandom random) {
    this.random = random;
  }

  /** A new session id. */
  public String newSessionId() {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code sessionId} has the form {@link #newSessionId} produces; false for null. */
  public static boolean isWellFormed(String sessionId) {
    return sessionId != null && FORMAT.matcher(sessionId).matches();
  }

  /** The hex SHA-256 of {@code sessionId}: what the server stores and looks sessions up by. */
  public static String hash(String sessionId) {
    return TokenHashes.sha256Hex(sessionId);
  }

  /** Whether {@code sessionId} hashes to {@code storedHash}, in constant time. */
  public static boolean matches(String sessionId, String storedHash) {
    return TokenHashes.matches(sessionId, storedHash);
  }
}

package io.tributary.server.connector;

/**
 * Encrypts secret config values for storage and decrypts them to run a connector. Implementations
 * are thread-safe.
 */
public interface SecretCipher {
  /**
   * @param context binds the ciphertext to where it belongs (e.g. {@code
   *     connector/shop/source.password}), so it cannot be moved to another field
   */
  String seal(String plaintext, String context);

  /** The plaintext of a value {@link #seal} returned for the same context. */
  String open(String sealed, String context);

  /** Whether a stored value is sealed (values stored before encryption, or references, are not). */
  boolean isSealed(String value);
}

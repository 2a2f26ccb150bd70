package io.tributary.server.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secrets at rest with AES-256-GCM under the {@link MasterKey}. A sealed value reads
 * {@code enc:v1:<base64url(iv || ciphertext || tag)>} with a random 12-byte IV per value. The
 * {@code context} names where the value belongs (e.g. {@code connector/shop/source.password}) and
 * is authenticated as associated data, so a sealed value copied to another place does not open.
 *
 * <p>Thread-safe: each call uses its own {@link Cipher}.
 */
public final class SecretBox {
  private static final String PREFIX = "enc:v1:";
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int IV_LENGTH = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random;

  /** A box using {@code key}. */
  public SecretBox(MasterKey key) {
    this(key, new SecureRandom());
  }

  SecretBox(MasterKey key, SecureRandom random) {
    this.key = key.secretKey();
    this.random = random;
  }

  /** Whether {@code value} has the form {@link #seal} produces (it may still fail to open). */
  public static boolean isSealed(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  /** {@code plaintext} encrypted for {@code context}; a fresh IV makes every result different. */
  public String seal(String plaintext, String context) {
    Objects.requireNonNull(plaintext, "plaintext");
    byte[] iv = new byte[IV_LENGTH];
    random.nextBytes(iv);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, context);
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(IV_LENGTH + sealed.length).put(iv).put(sealed);
      return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot encrypt with " + TRANSFORMATION, e);
    }
  }

  /**
   * The plaintext of a value {@link #seal sealed} for the same {@code context} under the same key.
   *
   * @throws IllegalArgumentException if {@code sealed} is not a sealed value (the message never
   *     quotes it: it may be a plaintext secret)
   * @throws UnreadableSecretException if the key or context differ or the value was modified
   */
  public String open(String sealed, String context) {
    Objects.requireNonNull(context, "context");
    if (!isSealed(sealed)) {
      throw new IllegalArgumentException(
          "the value stored for " + context + " is not encrypted (no '" + PREFIX + "' prefix)");
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw UnreadableSecretException.damaged(context, "it is not valid base64url");
    }
    if (bytes.length < IV_LENGTH + TAG_BITS / 8) {
      throw UnreadableSecretException.damaged(context, "it is too short");
    }
    try {
      byte[] iv = Arrays.copyOf(bytes, IV_LENGTH);
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, iv, context);
      byte[] plain = cipher.doFinal(bytes, IV_LENGTH, bytes.length - IV_LENGTH);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw UnreadableSecretException.keyOrDataChanged(context);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot decrypt with " + TRANSFORMATION, e);
    }
  }

  private Cipher cipher(int mode, byte[] iv, String context) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}

package io.tributary.server.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An API key's token, {@code trb_<id>_<secret>}: an 8-character public id (lowercase letters and
 * digits) that names the key in lists, URLs and audit entries, and 43 base64url characters of 32
 * random bytes. The whole token is the secret: show it once when the key is created, store only
 * {@link #hash()}, and authenticate a presented token by looking the key up by {@link #id()} and
 * checking {@link #matches}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows only the id.
 */
public final class ApiKeyToken {
  /** Every token starts with this, so secret scanners and people recognize it. */
  public static final String PREFIX = "trb_";

  private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int ID_LENGTH = 8;
  private static final int SECRET_BYTES = 32;
  private static final Pattern FORMAT =
      Pattern.compile("trb_([a-z0-9]{" + ID_LENGTH + "})_([A-Za-z0-9_-]{43})");

  private final String id;
  private final String token;

  private ApiKeyToken(String id, String token) {
    this.id = id;
    this.token = token;
  }

  /** A new token with a random id and secret. */
  public static ApiKeyToken generate(SecureRandom random) {
    StringBuilder id = new StringBuilder(ID_LENGTH);
    for (int i = 0; i < ID_LENGTH; i++) {
      id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new ApiKeyToken(id.toString(), PREFIX + id + "_" + encoded);
  }

  /**
   * The token {@code text} if it has exactly the format {@link #generate} produces, else empty
   * (e.g. for a bearer header that holds something else).
   */
  public static Optional<ApiKeyToken> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    var matcher = FORMAT.matcher(text);
    if (!matcher.matches() || !isCanonicalSecret(matcher.group(2))) {
      return Optional.empty();
    }
    return Optional.of(new ApiKeyToken(matcher.group(1), text));
  }

  /**
   * Whether {@code token} is the token whose {@link #hash()} is {@code storedHash}, in constant
   * time. False for null arguments.
   */
  public static boolean matches(String token, String storedHash) {
    return TokenHashes.matches(token, storedHash);
  }

  /** The public id that names this key. */
  public String id() {
    return id;
  }

  /** The whole token: the secret, to hand to its owner once and never to store or log. */
  public String token() {
    return token;
  }

  /** The hex SHA-256 of the whole token: what the server stores. */
  public String hash() {
    return TokenHashes.sha256Hex(token);
  }

  @Override
  public String toString() {
    return PREFIX + id + "_[redacted]";
  }

  /**
   * 43 base64url characters carry 258 bits; the 2 unused ones must be 0, as {@code generate} has.
   */
  private static boolean isCanonicalSecret(String secret) {
    byte[] bytes = Base64.getUrlDecoder().decode(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(secret);
  }
}

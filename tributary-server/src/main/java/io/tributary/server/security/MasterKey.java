package io.tributary.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 32-byte AES-256 key that encrypts secrets at rest (see {@link SecretBox}). It comes from the
 * environment variable {@value #ENV_VARIABLE} when set, otherwise from {@code <data
 * dir>/master.key}, which is generated on first start. Losing it makes every stored secret
 * unreadable, so operators must back it up.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never reveals the key.
 */
public final class MasterKey {
  /** The environment variable that supplies the key, base64 of 32 bytes. */
  public static final String ENV_VARIABLE = "TRIBUTARY_MASTER_KEY";

  /** The key file's name in the data directory. */
  public static final String FILE_NAME = "master.key";

  static final int LENGTH = 32;
  private static final String GENERATE_HINT = "generate one with: openssl rand -base64 32";

  private final SecretKey key;
  private final String origin;

  private MasterKey(byte[] key, String origin) {
    this.key = new SecretKeySpec(key, "AES");
    this.origin = origin;
  }

  /**
   * The key from {@value #ENV_VARIABLE} in {@code env} if it is set, else from {@code
   * <dataDir>/master.key}, else a new random key written to that file (mode 0600, atomically).
   *
   * @throws IllegalStateException if the variable or the file does not hold a base64-encoded
   *     32-byte key; the message says which and how to fix it, and never contains the key
   * @throws UncheckedIOException if the file cannot be read or written
   */
  public static MasterKey loadOrCreate(Path dataDir, Map<String, String> env) {
    String fromEnv = env.get(ENV_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnvironment(fromEnv);
    }
    Path file = dataDir.resolve(FILE_NAME);
    try {
      return read(file).orElseGet(() -> create(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the master key file " + file, e);
    }
  }

  /** A key from raw bytes, e.g. for tests; {@code key} must be 32 bytes long and is copied. */
  public static MasterKey of(byte[] key) {
    if (key.length != LENGTH) {
      throw new IllegalArgumentException(
          "a master key has " + LENGTH + " bytes, this one has " + key.length);
    }
    return new MasterKey(key.clone(), "bytes");
  }

  /** A new random key, e.g. for tests. */
  public static MasterKey generate(SecureRandom random) {
    byte[] key = new byte[LENGTH];
    random.nextBytes(key);
    return new MasterKey(key, "generated");
  }

  /**
   * Where the key came from, for the startup log: the environment variable, the file, or the file
   * just created (the cue to tell the operator to back it up).
   */
  public String origin() {
    return origin;
  }

  /** The key for {@link SecretBox}; package-private so the bytes stay inside this package. */
  SecretKey secretKey() {
    return key;
  }

  @Override
  public String toString() {
    return "MasterKey[from " + origin + ", value redacted]";
  }

  private static MasterKey fromEnvironment(String value) {
    try {
      return new MasterKey(decode(value), "environment variable " + ENV_VARIABLE);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "environment variable "
              + ENV_VARIABLE
              + " is not a master key: it "
              + e.getMessage()
              + ", but must be the base64 encoding of "
              + LENGTH
              + " random bytes; "
              + GENERATE_HINT,
          e);
    }
  }

  private static Optional<MasterKey> read(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    try {
      return Optional.of(new MasterKey(decode(text), "file " + file));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "master key file "
              + file
              + " is damaged: it "
              + e.getMessage()
              + ", but must hold the base64 encoding of "
              + LENGTH
              + " bytes. Restore it from your backup (secrets stored with the original key"
              + " cannot be read without it) or set "
              + ENV_VARIABLE
              + "; only if no secrets were stored yet, delete the file to generate a new key",
          e);
    }
  }

  private static MasterKey create(Path file) {
    byte[] key = new byte[LENGTH];
    new SecureRandom().nextBytes(key);
    byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      OwnerOnlyFiles.createNew(file, text);
      return new MasterKey(key, "new file " + file);
    } catch (FileAlreadyExistsException e) {
      // another process created it between our read and write: use its key, not ours
      try {
        return read(file).orElseThrow(() -> new IllegalStateException(file + " vanished", e));
      } catch (IOException readFailure) {
        throw new UncheckedIOException("cannot read the master key file " + file, readFailure);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the master key file "
              + file
              + "; make the data directory writable or set "
              + ENV_VARIABLE,
          e);
    }
  }

  /**
   * Standard or URL-safe base64, padded or not, surrounded by whitespace; exactly 32 bytes.
   *
   * @throws IllegalArgumentException saying what is wrong, never quoting the text
   */
  private static byte[] decode(String text) {
    String trimmed = text.strip();
    byte[] key;
    try {
      key =
          trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(trimmed)
              : Base64.getDecoder().decode(trimmed);
    } catch (IllegalArgumentException e) {
      // not chained: the decoder's message quotes the offending character of the key
      throw new IllegalArgumentException("is not valid base64");
    }
    if (key.length != LENGTH) {
      throw new IllegalArgumentException("decodes to " + key.length + " bytes");
    }
    return key;
  }
}

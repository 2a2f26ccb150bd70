package io.tributary.server.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The generated certificate's files in {@code <data dir>/tls}: {@code server.p12} and the password
 * that protects it in {@code server.pass}, both mode 0600. The password is created once and kept
 * across renewals, so the pair on disk always belongs together: renewing replaces only {@code
 * server.p12}, atomically. Not thread-safe; used once at startup.
 */
final class SelfSignedStore {
  static final String KEYSTORE_FILE = "server.p12";
  static final String PASSWORD_FILE = "server.pass";

  /** Renew this long before expiry, so browsers never see an expired certificate. */
  static final Duration RENEW_BEFORE = Duration.ofDays(30);

  private final Path dir;
  private final Clock clock;
  private final Supplier<Optional<String>> hostName;
  private final SecureRandom random = new SecureRandom();

  SelfSignedStore(Path dir, Clock clock, Supplier<Optional<String>> hostName) {
    this.dir = dir;
    this.clock = clock;
    this.hostName = hostName;
  }

  /** The stored certificate if it is valid for at least 30 more days, else a new stored one. */
  ServerCertificate loadOrGenerate() {
    char[] password = readOrCreatePassword();
    Path keystore = dir.resolve(KEYSTORE_FILE);
    Instant now = clock.instant();
    if (Files.exists(keystore)) {
      ServerCertificate stored = open(keystore, password);
      Instant expires = stored.certificate().getNotAfter().toInstant();
      if (expires.isAfter(now.plus(RENEW_BEFORE))) {
        return stored;
      }
    }
    SelfSignedGenerator.Generated generated =
        SelfSignedGenerator.generate(now, hostName.get(), random);
    ServerCertificate certificate =
        ServerCertificate.inMemory(
            ServerCertificate.ALIAS,
            generated.keyPair().getPrivate(),
            List.of(generated.certificate()),
            password);
    write(keystore, certificate, password);
    return certificate;
  }

  /** This machine's host name, if it has one that resolves; empty otherwise. */
  static Optional<String> machineHostName() {
    try {
      return Optional.of(InetAddress.getLocalHost().getHostName());
    } catch (UnknownHostException e) {
      return Optional.empty(); // localhost and the loopback addresses still work
    }
  }

  private char[] readOrCreatePassword() {
    Path file = dir.resolve(PASSWORD_FILE);
    try {
      return read(file);
    } catch (NoSuchFileException e) {
      char[] password = ServerCertificate.randomPassword(random);
      try {
        OwnerOnlyFiles.createNew(file, new String(password).getBytes(StandardCharsets.US_ASCII));
        return password;
      } catch (FileAlreadyExistsException raced) {
        return readOrCreatePassword(); // another process just created it
      } catch (IOException writeFailure) {
        throw new UncheckedIOException(
            "cannot create " + file + "; make the data directory writable", writeFailure);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private char[] read(Path file) throws IOException {
    String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
    if (password.isEmpty()) {
      throw new IllegalStateException(file + " is empty; " + deleteBothHint());
    }
    return password.toCharArray();
  }

  private ServerCertificate open(Path keystore, char[] password) {
    try {
      return ServerCertificate.load(keystore, password);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "the generated TLS certificate "
              + keystore
              + " cannot be opened with the password in "
              + PASSWORD_FILE
              + " ("
              + e.getMessage()
              + "); "
              + deleteBothHint(),
          e);
    }
  }

  private void write(Path keystore, ServerCertificate certificate, char[] password) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      certificate.keyStore().store(bytes, password);
      OwnerOnlyFiles.replace(keystore, bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + keystore + "; make the data directory writable", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot write a PKCS#12 keystore", e);
    }
  }

  private String deleteBothHint() {
    return "delete "
        + dir.resolve(KEYSTORE_FILE)
        + " and "
        + dir.resolve(PASSWORD_FILE)
        + " to generate a new self-signed certificate on the next start (browsers will ask to"
        + " trust it again)";
  }
}

package io.tributary.server.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The HTTPS server's certificate and private key: a configured PKCS#12 file or PEM pair, or one
 * generated and kept in the data directory. It holds exactly one key entry, so whichever TLS stack
 * serves it (Jetty's {@code SslContextFactory} with {@link #keyStore()} and {@link #password()}, or
 * {@link #sslContext()}) presents this certificate.
 *
 * <p>Immutable and thread-safe as long as callers do not modify the returned {@link KeyStore}.
 * Every failure to load is an {@link IllegalStateException} that names the file, says what is wrong
 * and how to fix it.
 */
public final class ServerCertificate {
  /** The alias of the entry made for PEM files and generated certificates. */
  static final String ALIAS = "tributary";

  private final KeyStore keyStore;
  private final char[] password;
  private final String alias;
  private final List<X509Certificate> chain;

  private ServerCertificate(
      KeyStore keyStore, char[] password, String alias, List<X509Certificate> chain) {
    this.keyStore = keyStore;
    this.password = password.clone();
    this.alias = alias;
    this.chain = List.copyOf(chain);
  }

  /**
   * The first private key entry of the PKCS#12 file {@code pkcs12}, whose store and key are both
   * protected by {@code password}.
   */
  public static ServerCertificate load(Path pkcs12, char[] password) {
    KeyStore store = readPkcs12(pkcs12, password);
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          return fromEntry(pkcs12, store, alias, password);
        }
      }
    } catch (KeyStoreException e) {
      throw new IllegalStateException("cannot read the TLS keystore " + pkcs12, e);
    }
    throw new IllegalStateException(
        "TLS keystore "
            + pkcs12
            + " holds no private key, only certificates; a server needs its certificate together"
            + " with its private key: create the file with 'openssl pkcs12 -export -in cert.pem"
            + " -inkey key.pem -out server.p12'");
  }

  /**
   * The certificate chain in {@code certChainPem} (the server's certificate first, then the
   * intermediates) with the PKCS#8 (or traditional) RSA or EC private key in {@code privateKeyPem},
   * which must belong to the first certificate. Encrypted keys are not supported.
   */
  public static ServerCertificate loadPem(Path certChainPem, Path privateKeyPem) {
    List<X509Certificate> chain = PemFiles.certificates(certChainPem);
    PrivateKey key = PemFiles.privateKey(privateKeyPem);
    KeyPairCheck.requireMatch(key, chain.get(0), privateKeyPem, certChainPem);
    return inMemory(ALIAS, key, chain, randomPassword(new SecureRandom()));
  }

  /**
   * The self-signed certificate kept in {@code <dataDir>/tls/server.p12} (its password in {@code
   * server.pass}, both mode 0600), generated when missing or expiring within 30 days of {@code
   * clock}'s now: an EC P-256 key, {@code CN=Tributary self-signed}, valid 397 days, for {@code
   * localhost}, {@code 127.0.0.1}, {@code ::1} and this machine's host name.
   */
  public static ServerCertificate selfSigned(Path dataDir, Clock clock) {
    return new SelfSignedStore(dataDir.resolve("tls"), clock, SelfSignedStore::machineHostName)
        .loadOrGenerate();
  }

  /** The store holding the single entry {@link #alias()}; do not modify it. */
  public KeyStore keyStore() {
    return keyStore;
  }

  /** The password of the store and of its key; a copy, so callers may clear it. */
  public char[] password() {
    return password.clone();
  }

  /** The alias of the key entry in {@link #keyStore()}. */
  public String alias() {
    return alias;
  }

  /** The server's own certificate, the first of {@link #chain()}. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The certificate chain the server presents, its own certificate first. */
  public List<X509Certificate> chain() {
    return chain;
  }

  /**
   * The SHA-256 fingerprint of {@link #certificate()} as browsers show it, uppercase hex pairs
   * separated by colons; users compare it before trusting a self-signed certificate.
   */
  public String sha256Fingerprint() {
    try {
      byte[] digest = TokenHashes.sha256(certificate().getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a loaded certificate can be encoded", e);
    }
  }

  /**
   * Whether the certificate is self-signed (issued by and verifiable with itself), as the generated
   * one is: browsers will warn about it, so the server should show the fingerprint.
   */
  public boolean selfSigned() {
    X509Certificate cert = certificate();
    if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
      return false;
    }
    try {
      cert.verify(cert.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** A new server-side TLS context presenting this certificate (no client certificates). */
  public SSLContext sslContext() {
    try {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a TLS context for " + certificate(), e);
    }
  }

  @Override
  public String toString() {
    return "ServerCertificate["
        + certificate().getSubjectX500Principal().getName()
        + ", SHA-256 "
        + sha256Fingerprint()
        + "]";
  }

  /**
   * A certificate in a new in-memory store with just this entry, so that a TLS stack choosing among
   * a store's keys cannot pick another one.
   */
  static ServerCertificate inMemory(
      String alias, PrivateKey key, List<X509Certificate> chain, char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(alias, key, password, chain.toArray(new Certificate[0]));
      return new ServerCertificate(store, password, alias, chain);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("this JVM cannot create a PKCS#12 keystore", e);
    }
  }

  /** A password for keystores only this process and the data directory's owner see. */
  static char[] randomPassword(SecureRandom random) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
  }

  private static KeyStore readPkcs12(Path file, char[] password) {
    KeyStore store;
    try {
      store = KeyStore.getInstance("PKCS12");
    } catch (KeyStoreException e) {
      throw new IllegalStateException("this JVM has no PKCS#12 support", e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password);
    } catch (NoSuchFileException e) {
      throw new IllegalStateException(
          "TLS keystore "
              + file
              + " does not exist; check the configured path (relative paths are resolved against"
              + " the working directory)",
          e);
    } catch (FileSystemException e) {
      throw new UncheckedIOException("cannot read the TLS keystore " + file, e);
    } catch (IOException | GeneralSecurityException e) {
      throw unreadablePkcs12(file, e);
    }
    return store;
  }

  private static IllegalStateException unreadablePkcs12(Path file, Exception e) {
    if (e.getCause() instanceof UnrecoverableKeyException) {
      return new IllegalStateException(
          "cannot open TLS keystore "
              + file
              + ": the password is wrong; check its configured password",
          e);
    }
    return new IllegalStateException(
        file
            + " is not a PKCS#12 keystore ("
            + e.getMessage()
            + "); configure a .p12/.pfx file, create one with 'openssl pkcs12 -export -in"
            + " cert.pem -inkey key.pem -out server.p12', or configure the PEM certificate and key"
            + " files instead",
        e);
  }

  private static ServerCertificate fromEntry(
      Path file, KeyStore store, String alias, char[] password) throws KeyStoreException {
    Key key;
    try {
      key = store.getKey(alias, password);
    } catch (UnrecoverableKeyException e) {
      throw new IllegalStateException(
          "the private key '"
              + alias
              + "' in "
              + file
              + " has another password than the keystore; re-export it with one password for"
              + " both",
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the private key '" + alias + "' in " + file, e);
    }
    List<X509Certificate> chain = new ArrayList<>();
    Certificate[] certificates = store.getCertificateChain(alias);
    for (Certificate certificate : certificates == null ? new Certificate[0] : certificates) {
      if (!(certificate instanceof X509Certificate x509)) {
        throw new IllegalStateException(
            file + " holds a " + certificate.getType() + " certificate; an X.509 one is needed");
      }
      chain.add(x509);
    }
    if (chain.isEmpty() || !(key instanceof PrivateKey privateKey)) {
      throw new IllegalStateException(
          "the entry '" + alias + "' in " + file + " has no certificate for its private key");
    }
    return inMemory(alias, privateKey, chain, password);
  }
}

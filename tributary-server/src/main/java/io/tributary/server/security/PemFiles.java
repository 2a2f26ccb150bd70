package io.tributary.server.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads certificates and private keys from PEM files with BouncyCastle's parser, using the JDK's
 * providers for the keys (no provider is registered globally). Stateless.
 */
final class PemFiles {
  private PemFiles() {}

  /** The certificates in {@code file}, in file order; at least one. */
  static List<X509Certificate> certificates(Path file) {
    List<X509Certificate> certificates = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    for (Object object : objects(file, "certificate")) {
      if (object instanceof X509CertificateHolder holder) {
        certificates.add(convert(converter, holder, file));
      } else if (isPrivateKey(object)) {
        throw new IllegalStateException(
            file
                + " holds a private key where the certificate chain was expected; are the"
                + " certificate and key paths swapped?");
      }
    }
    if (certificates.isEmpty()) {
      throw new IllegalStateException(
          file
              + " holds no certificate; it must be a PEM file with the server's certificate (and"
              + " any intermediates) as '-----BEGIN CERTIFICATE-----' blocks");
    }
    return certificates;
  }

  /** The one private key in {@code file}. */
  static PrivateKey privateKey(Path file) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    List<PrivateKey> keys = new ArrayList<>();
    for (Object object : objects(file, "private key")) {
      try {
        switch (object) {
          case PrivateKeyInfo info -> keys.add(converter.getPrivateKey(info));
          case PEMKeyPair pair -> keys.add(converter.getPrivateKey(pair.getPrivateKeyInfo()));
          case PKCS8EncryptedPrivateKeyInfo e -> throw encrypted(file);
          case PEMEncryptedKeyPair e -> throw encrypted(file);
          case X509CertificateHolder c ->
              throw new IllegalStateException(
                  file
                      + " holds a certificate where the private key was expected; are the"
                      + " certificate and key paths swapped?");
          default -> {
            // e.g. EC parameters that OpenSSL writes before a key
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException(
            "cannot read the private key in "
                + file
                + " ("
                + e.getMessage()
                + "); use an RSA or EC key",
            e);
      }
    }
    if (keys.size() != 1) {
      throw new IllegalStateException(
          file
              + (keys.isEmpty()
                  ? " holds no private key"
                  : " holds " + keys.size() + " private keys")
              + "; it must be a PEM file with exactly one '-----BEGIN PRIVATE KEY-----' block"
              + " (PKCS#8), e.g. from 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out"
              + " server-key.pem'");
    }
    return keys.get(0);
  }

  private static List<Object> objects(Path file, String what) {
    List<Object> objects = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        objects.add(o);
      }
    } catch (NoSuchFileException e) {
      throw new IllegalStateException(
          "the TLS " + what + " file " + file + " does not exist; check the configured path", e);
    } catch (FileSystemException e) {
      throw new UncheckedIOException("cannot read the TLS " + what + " file " + file, e);
    } catch (IOException e) {
      // binary (DER) content fails to decode as ASCII; broken PEM fails in the parser
      throw notPem(file, what, e);
    }
    return objects;
  }

  private static IllegalStateException notPem(Path file, String what, IOException e) {
    return new IllegalStateException(
        file
            + " is not a valid PEM file ("
            + e.getMessage()
            + "); the TLS "
            + what
            + " must be PEM text with '-----BEGIN ...-----' blocks (convert DER with 'openssl x509"
            + " -inform der' or 'openssl pkcs8 -inform der')",
        e);
  }

  private static X509Certificate convert(
      JcaX509CertificateConverter converter, X509CertificateHolder holder, Path file) {
    try {
      return converter.getCertificate(holder);
    } catch (CertificateException e) {
      throw new IllegalStateException("a certificate in " + file + " is not valid X.509", e);
    }
  }

  private static boolean isPrivateKey(Object object) {
    return object instanceof PrivateKeyInfo
        || object instanceof PEMKeyPair
        || object instanceof PKCS8EncryptedPrivateKeyInfo
        || object instanceof PEMEncryptedKeyPair;
  }

  private static IllegalStateException encrypted(Path file) {
    return new IllegalStateException(
        "the private key in "
            + file
            + " is encrypted, which is not supported; write it decrypted, readable only by the"
            + " server's user: 'openssl pkcs8 -topk8 -nocrypt -in "
            + file.getFileName()
            + " -out server-key.pem', or use a PKCS#12 file with a password instead");
  }
}

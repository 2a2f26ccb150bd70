package io.tributary.server.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;

/**
 * Checks that a private key belongs to a certificate by signing with the one and verifying with the
 * other, so a mismatched pair fails at startup rather than in every client's handshake. Stateless.
 */
final class KeyPairCheck {
  private static final byte[] CHALLENGE =
      "tributary: does this key belong to this certificate?".getBytes(StandardCharsets.US_ASCII);

  private KeyPairCheck() {}

  static void requireMatch(
      PrivateKey key, X509Certificate certificate, Path keyFile, Path certFile) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default ->
              throw new IllegalStateException(
                  "the private key in "
                      + keyFile
                      + " is a "
                      + key.getAlgorithm()
                      + " key; use an RSA or EC key");
        };
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(CHALLENGE);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(CHALLENGE);
      matches = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      matches = false; // e.g. an EC key for an RSA certificate
    }
    if (!matches) {
      throw new IllegalStateException(
          "the private key in "
              + keyFile
              + " does not belong to the first certificate in "
              + certFile
              + " ("
              + certificate.getSubjectX500Principal().getName()
              + "); the chain file must start with the server's own certificate");
    }
  }
}

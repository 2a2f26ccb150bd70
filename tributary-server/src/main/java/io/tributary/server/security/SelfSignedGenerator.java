package io.tributary.server.security;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates the self-signed server certificate with BouncyCastle: an EC P-256 key and an X.509 v3
 * certificate for local names, valid {@value #VALIDITY_DAYS} days (the most browsers accept).
 * Stateless.
 */
final class SelfSignedGenerator {
  static final String SUBJECT = "CN=Tributary self-signed";
  static final int VALIDITY_DAYS = 397;

  /** Starts validity a little in the past, so clients whose clocks lag accept it at once. */
  private static final Duration BACKDATE = Duration.ofHours(1);

  private static final Pattern DNS_NAME =
      Pattern.compile(
          "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  private SelfSignedGenerator() {}

  /** A key and certificate valid from shortly before {@code now}, also for {@code hostName}. */
  static Generated generate(Instant now, Optional<String> hostName, SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair pair = generator.generateKeyPair();
      Instant notBefore = now.minus(BACKDATE).truncatedTo(ChronoUnit.SECONDS);
      Instant notAfter = notBefore.plus(Duration.ofDays(VALIDITY_DAYS));
      X500Name subject = new X500Name(SUBJECT);
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(159, random).setBit(158), // positive, 20 bytes, unpredictable
              Date.from(notBefore),
              Date.from(notAfter),
              subject,
              pair.getPublic());
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(
              Extension.extendedKeyUsage,
              false,
              new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(Extension.subjectAlternativeName, false, alternativeNames(hostName))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
      var signer =
          new JcaContentSignerBuilder("SHA256withECDSA")
              .setSecureRandom(random)
              .build(pair.getPrivate());
      X509Certificate certificate =
          new JcaX509CertificateConverter().getCertificate(builder.build(signer));
      return new Generated(pair, certificate);
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot generate a self-signed TLS certificate", e);
    }
  }

  /** {@code localhost}, {@code 127.0.0.1}, {@code ::1} and the host name if it is a DNS name. */
  static GeneralNames alternativeNames(Optional<String> hostName) {
    List<GeneralName> names = new ArrayList<>();
    names.add(new GeneralName(GeneralName.dNSName, "localhost"));
    names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
    names.add(new GeneralName(GeneralName.iPAddress, "::1"));
    hostName
        .map(name -> name.toLowerCase(Locale.ROOT))
        .filter(name -> !name.equals("localhost") && name.length() <= 253)
        .filter(name -> DNS_NAME.matcher(name).matches() && !name.matches("[0-9.]+"))
        .ifPresent(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
    return new GeneralNames(names.toArray(new GeneralName[0]));
  }

  /** A generated key pair and its certificate. */
  record Generated(KeyPair keyPair, X509Certificate certificate) {}
}

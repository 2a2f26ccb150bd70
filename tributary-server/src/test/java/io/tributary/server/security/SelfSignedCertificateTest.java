package io.tributary.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {
  private static final Instant NOW = Instant.parse("2026-11-26T20:56:48Z");

  @TempDir Path dataDir;

  @Test
  void generatesAnEcP256CertificateForTheLocalNames() throws Exception {
    ServerCertificate generated = generate(NOW);
    X509Certificate cert = generated.certificate();

    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=Tributary self-signed");
    assertThat(cert.getVersion()).isEqualTo(3);
    assertThat(cert.getPublicKey()).isInstanceOf(ECPublicKey.class);
    assertThat(((ECPublicKey) cert.getPublicKey()).getParams().getCurve().getField().getFieldSize())
        .isEqualTo(256);
    assertThat(cert.getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(
            List.of(2, "localhost"),
            List.of(7, "127.0.0.1"),
            List.of(7, "0:0:0:0:0:0:0:1"),
            List.of(2, "build-host.example"));
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(cert.getBasicConstraints()).isEqualTo(-1); // not a CA
    assertThat(cert.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()))
        .isEqualTo(Duration.ofDays(397));
    assertThat(generated.selfSigned()).isTrue();
    cert.verify(cert.getPublicKey());
  }

  @Test
  void keepsKeystoreAndPasswordOnlyForTheOwner() throws Exception {
    ServerCertificate generated = generate(NOW);

    Path tls = dataDir.resolve("tls");
    assertThat(Files.readString(tls.resolve("server.pass")).strip().toCharArray())
        .isEqualTo(generated.password());
    try (var files = Files.list(tls)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("server.p12", "server.pass");
    }
    assumeThat(OwnerOnlyFiles.supportsPosix(tls)).isTrue();
    for (String name : List.of("server.p12", "server.pass")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve(name))))
          .as(name)
          .isEqualTo("rw-------");
    }
  }

  @Test
  void reusesTheStoredCertificateWhileItIsValidForMoreThan30Days() {
    ServerCertificate first = generate(NOW);

    ServerCertificate later = generate(NOW.plus(Duration.ofDays(366)));

    assertThat(later.sha256Fingerprint()).isEqualTo(first.sha256Fingerprint());
    assertThat(later.certificate()).isEqualTo(first.certificate());
  }

  @Test
  void renewsACertificateExpiringWithin30DaysKeepingThePassword() throws Exception {
    ServerCertificate first = generate(NOW);
    Instant renewal = NOW.plus(Duration.ofDays(367)); // 29 days 23 hours left

    ServerCertificate renewed = generate(renewal);

    assertThat(renewed.sha256Fingerprint()).isNotEqualTo(first.sha256Fingerprint());
    assertThat(renewed.certificate().getNotBefore().toInstant())
        .isEqualTo(renewal.minus(Duration.ofHours(1)));
    assertThat(renewed.password()).isEqualTo(first.password());
    ServerCertificate reloaded = generate(renewal);
    assertThat(reloaded.certificate()).isEqualTo(renewed.certificate());
  }

  @Test
  void generatesWithThePublicFactoryAndTheMachineHostName() throws Exception {
    ServerCertificate generated =
        ServerCertificate.selfSigned(dataDir, Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(generated.certificate().getSubjectAlternativeNames())
        .contains(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
    Optional<String> host = SelfSignedStore.machineHostName();
    if (host.isPresent()
        && !host.get().equals("localhost")
        && host.get().matches("[A-Za-z0-9.-]+")) {
      assertThat(generated.certificate().getSubjectAlternativeNames())
          .contains(List.of(2, host.get().toLowerCase(java.util.Locale.ROOT)));
    }
    assertThat(
            ServerCertificate.selfSigned(dataDir, Clock.fixed(NOW, ZoneOffset.UTC)).certificate())
        .isEqualTo(generated.certificate());
  }

  @Test
  void leavesOutHostNamesThatAreNotDnsNames() throws Exception {
    var names = SelfSignedGenerator.alternativeNames(Optional.of("under_score"));
    var localhostOnly = SelfSignedGenerator.alternativeNames(Optional.of("LOCALHOST"));

    assertThat(names.getNames()).hasSize(3);
    assertThat(localhostOnly.getNames()).hasSize(3);
  }

  @Test
  void explainsWhatToDeleteWhenTheStoredKeystoreIsDamaged() throws Exception {
    generate(NOW);
    Path keystore = dataDir.resolve("tls/server.p12");
    Files.write(keystore, new byte[] {1, 2, 3});

    assertThatThrownBy(() -> generate(NOW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the generated TLS certificate " + keystore)
        .hasMessageContaining("delete " + keystore + " and " + dataDir.resolve("tls/server.pass"));
  }

  private ServerCertificate generate(Instant now) {
    return new SelfSignedStore(
            dataDir.resolve("tls"),
            Clock.fixed(now, ZoneOffset.UTC),
            () -> Optional.of("Build-Host.example"))
        .loadOrGenerate();
  }
}

package io.tributary.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCertificateLoadingTest {
  private static final char[] PASSWORD = "s3cret".toCharArray();

  @TempDir Path dir;

  @Test
  void loadsTheKeyEntryOfAPkcs12File() throws Exception {
    KeyPair keys = TestCertificates.ecKeyPair();
    X509Certificate cert = TestCertificates.selfSigned("CN=shop.example", keys);
    Path file =
        TestCertificates.pkcs12(
            dir.resolve("server.p12"), "web", keys.getPrivate(), cert, PASSWORD);

    ServerCertificate loaded = ServerCertificate.load(file, PASSWORD);

    assertThat(loaded.certificate()).isEqualTo(cert);
    assertThat(loaded.alias()).isEqualTo("web");
    assertThat(loaded.password()).isEqualTo(PASSWORD);
    assertThat(Collections.list(loaded.keyStore().aliases())).containsExactly("web");
    assertThat(loaded.keyStore().getKey("web", loaded.password())).isEqualTo(keys.getPrivate());
    assertThat(loaded.selfSigned()).isTrue();
  }

  @Test
  void saysSoWhenThePkcs12PasswordIsWrong() throws Exception {
    KeyPair keys = TestCertificates.ecKeyPair();
    Path file =
        TestCertificates.pkcs12(
            dir.resolve("server.p12"),
            "web",
            keys.getPrivate(),
            TestCertificates.selfSigned("CN=shop.example", keys),
            PASSWORD);

    assertThatThrownBy(() -> ServerCertificate.load(file, "wrong".toCharArray()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "cannot open TLS keystore "
                + file
                + ": the password is wrong; check its configured password");
  }

  @Test
  void saysWhichKeystoreIsMissing() {
    Path missing = dir.resolve("nope.p12");

    assertThatThrownBy(() -> ServerCertificate.load(missing, PASSWORD))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("TLS keystore " + missing + " does not exist");
  }

  @Test
  void rejectsAFileThatIsNoPkcs12Keystore() throws Exception {
    Path pem =
        TestCertificates.pem(
            dir.resolve("cert.pem"),
            TestCertificates.selfSigned("CN=x", TestCertificates.ecKeyPair()));

    assertThatThrownBy(() -> ServerCertificate.load(pem, PASSWORD))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(pem + " is not a PKCS#12 keystore")
        .hasMessageContaining("openssl pkcs12 -export");
  }

  @Test
  void rejectsAKeystoreWithoutAPrivateKey() throws Exception {
    KeyStore trustOnly = KeyStore.getInstance("PKCS12");
    trustOnly.load(null, null);
    trustOnly.setCertificateEntry(
        "ca", TestCertificates.selfSigned("CN=ca", TestCertificates.ecKeyPair()));
    Path file = dir.resolve("trust.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      trustOnly.store(out, PASSWORD);
    }

    assertThatThrownBy(() -> ServerCertificate.load(file, PASSWORD))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds no private key, only certificates");
  }

  @Test
  void loadsAnRsaKeyInPkcs8WithItsChain() throws Exception {
    KeyPair caKeys = TestCertificates.rsaKeyPair();
    KeyPair serverKeys = TestCertificates.rsaKeyPair();
    X509Certificate ca =
        TestCertificates.certificate("CN=Test CA", caKeys, "CN=Test CA", caKeys.getPrivate(), true);
    X509Certificate server =
        TestCertificates.certificate(
            "CN=shop.example", serverKeys, "CN=Test CA", caKeys.getPrivate(), false);
    Path chain = TestCertificates.pem(dir.resolve("chain.pem"), server, ca);
    Path key = TestCertificates.pem(dir.resolve("key.pem"), serverKeys.getPrivate());
    assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");

    ServerCertificate loaded = ServerCertificate.loadPem(chain, key);

    assertThat(loaded.chain()).containsExactly(server, ca);
    assertThat(loaded.certificate()).isEqualTo(server);
    assertThat(loaded.selfSigned()).isFalse();
    assertThat(loaded.keyStore().getCertificateChain(loaded.alias())).containsExactly(server, ca);
    assertThat(loaded.keyStore().getKey(loaded.alias(), loaded.password()))
        .isEqualTo(serverKeys.getPrivate());
  }

  @Test
  void loadsAnEcKeyInPkcs8AndInTheTraditionalFormat() throws Exception {
    KeyPair keys = TestCertificates.ecKeyPair();
    X509Certificate cert = TestCertificates.selfSigned("CN=shop.example", keys);
    Path chain = TestCertificates.pem(dir.resolve("cert.pem"), cert);
    Path pkcs8 = TestCertificates.pem(dir.resolve("pkcs8.pem"), keys.getPrivate());
    Path sec1 = TestCertificates.sec1Pem(dir.resolve("sec1.pem"), keys.getPrivate());
    assertThat(Files.readString(sec1)).startsWith("-----BEGIN EC PRIVATE KEY-----");

    assertThat(ServerCertificate.loadPem(chain, pkcs8).certificate()).isEqualTo(cert);
    assertThat(ServerCertificate.loadPem(chain, sec1).certificate()).isEqualTo(cert);
  }

  @Test
  void rejectsAKeyThatBelongsToAnotherCertificate() throws Exception {
    Path chain =
        TestCertificates.pem(
            dir.resolve("cert.pem"),
            TestCertificates.selfSigned("CN=shop.example", TestCertificates.ecKeyPair()));
    Path otherKey =
        TestCertificates.pem(dir.resolve("key.pem"), TestCertificates.ecKeyPair().getPrivate());
    Path rsaKey =
        TestCertificates.pem(dir.resolve("rsa.pem"), TestCertificates.rsaKeyPair().getPrivate());

    assertThatThrownBy(() -> ServerCertificate.loadPem(chain, otherKey))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "the private key in "
                + otherKey
                + " does not belong to the first certificate in "
                + chain);
    assertThatThrownBy(() -> ServerCertificate.loadPem(chain, rsaKey))
        .hasMessageContaining("does not belong");
  }

  @Test
  void noticesSwappedCertificateAndKeyPaths() throws Exception {
    KeyPair keys = TestCertificates.ecKeyPair();
    Path cert =
        TestCertificates.pem(dir.resolve("cert.pem"), TestCertificates.selfSigned("CN=x", keys));
    Path key = TestCertificates.pem(dir.resolve("key.pem"), keys.getPrivate());

    assertThatThrownBy(() -> ServerCertificate.loadPem(key, cert))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("swapped");
  }

  @Test
  void rejectsFilesWithoutCertificatesOrKeys() throws Exception {
    KeyPair keys = TestCertificates.ecKeyPair();
    Path cert =
        TestCertificates.pem(dir.resolve("cert.pem"), TestCertificates.selfSigned("CN=x", keys));
    Path key = TestCertificates.pem(dir.resolve("key.pem"), keys.getPrivate());
    Path text = Files.writeString(dir.resolve("notes.txt"), "not a certificate\n");
    Path binary =
        Files.write(
            dir.resolve("cert.der"), TestCertificates.selfSigned("CN=x", keys).getEncoded());

    assertThatThrownBy(() -> ServerCertificate.loadPem(text, key))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(text + " holds no certificate");
    assertThatThrownBy(() -> ServerCertificate.loadPem(binary, key))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(binary + " is not a valid PEM file");
    assertThatThrownBy(() -> ServerCertificate.loadPem(cert, text))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(text + " holds no private key");
    assertThatThrownBy(() -> ServerCertificate.loadPem(cert, dir.resolve("missing.pem")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("missing.pem does not exist");
  }

  @Test
  void explainsThatEncryptedKeysMustBeDecrypted() throws Exception {
    KeyPair keys = TestCertificates.ecKeyPair();
    Path cert =
        TestCertificates.pem(dir.resolve("cert.pem"), TestCertificates.selfSigned("CN=x", keys));
    Path encrypted = TestCertificates.encryptedPem(dir.resolve("enc.pem"), keys.getPrivate());
    assertThat(Files.readString(encrypted)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

    assertThatThrownBy(() -> ServerCertificate.loadPem(cert, encrypted))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is encrypted")
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
  }

  @Test
  void showsTheFingerprintAsBrowsersDo() throws Exception {
    KeyPair keys = TestCertificates.ecKeyPair();
    X509Certificate cert = TestCertificates.selfSigned("CN=x", keys);
    Path chain = TestCertificates.pem(dir.resolve("cert.pem"), cert);
    Path key = TestCertificates.pem(dir.resolve("key.pem"), keys.getPrivate());

    String fingerprint = ServerCertificate.loadPem(chain, key).sha256Fingerprint();

    String expected =
        HexFormat.ofDelimiter(":")
            .withUpperCase()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    assertThat(fingerprint).isEqualTo(expected).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
  }
}

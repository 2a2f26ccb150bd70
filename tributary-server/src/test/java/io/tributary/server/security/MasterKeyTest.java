package io.tributary.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {
  private static final String CONTEXT = "connector/shop/source.password";

  @TempDir Path dataDir;

  @Test
  void createsAKeyFileOnlyItsOwnerCanRead() throws Exception {
    MasterKey key = MasterKey.loadOrCreate(dataDir, Map.of());

    Path file = dataDir.resolve("master.key");
    assertThat(key.origin()).isEqualTo("new file " + file);
    byte[] decoded =
        Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    assertThat(decoded).hasSize(32);
    assumeThat(OwnerOnlyFiles.supportsPosix(dataDir)).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var files = Files.list(dataDir)) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void reusesTheKeyFileOnTheNextStart() {
    MasterKey first = MasterKey.loadOrCreate(dataDir, Map.of());
    MasterKey second = MasterKey.loadOrCreate(dataDir, Map.of());

    assertThat(second.origin()).isEqualTo("file " + dataDir.resolve("master.key"));
    String sealed = new SecretBox(first).seal("hunter2", CONTEXT);
    assertThat(new SecretBox(second).open(sealed, CONTEXT)).isEqualTo("hunter2");
  }

  @Test
  void createsTheDataDirectoryIfMissing() {
    Path nested = dataDir.resolve("not/yet");

    MasterKey.loadOrCreate(nested, Map.of());

    assertThat(nested.resolve("master.key")).isRegularFile();
  }

  @Test
  void prefersTheEnvironmentVariableAndWritesNoFile() {
    byte[] raw = new byte[32];
    raw[0] = 7;
    String encoded = Base64.getEncoder().encodeToString(raw);

    MasterKey fromEnv = MasterKey.loadOrCreate(dataDir, Map.of("TRIBUTARY_MASTER_KEY", encoded));

    assertThat(fromEnv.origin()).isEqualTo("environment variable TRIBUTARY_MASTER_KEY");
    assertThat(dataDir.resolve("master.key")).doesNotExist();
    String sealed = new SecretBox(MasterKey.of(raw)).seal("hunter2", CONTEXT);
    assertThat(new SecretBox(fromEnv).open(sealed, CONTEXT)).isEqualTo("hunter2");
  }

  @Test
  void acceptsUrlSafeBase64WithoutPaddingInTheEnvironment() {
    byte[] raw = new byte[32];
    raw[0] = (byte) 0xfb; // encodes to '-' in the URL-safe alphabet
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

    MasterKey fromEnv = MasterKey.loadOrCreate(dataDir, Map.of("TRIBUTARY_MASTER_KEY", encoded));

    String sealed = new SecretBox(MasterKey.of(raw)).seal("x", CONTEXT);
    assertThat(new SecretBox(fromEnv).open(sealed, CONTEXT)).isEqualTo("x");
  }

  @Test
  void rejectsAMalformedEnvironmentVariableByNameWithoutQuotingIt() {
    String tooShort = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(
            () -> MasterKey.loadOrCreate(dataDir, Map.of("TRIBUTARY_MASTER_KEY", tooShort)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TRIBUTARY_MASTER_KEY")
        .hasMessageContaining("decodes to 16 bytes")
        .hasMessageContaining("openssl rand -base64 32")
        .hasMessageNotContaining(tooShort);
    assertThatThrownBy(
            () -> MasterKey.loadOrCreate(dataDir, Map.of("TRIBUTARY_MASTER_KEY", "not*base64")))
        .hasMessageContaining("not valid base64")
        .hasMessageNotContaining("not*base64");
  }

  @Test
  void rejectsADamagedKeyFileSayingWhichFileAndWhatToDo() throws Exception {
    Path file = dataDir.resolve("master.key");
    Files.writeString(file, Base64.getEncoder().encodeToString(new byte[31]));

    assertThatThrownBy(() -> MasterKey.loadOrCreate(dataDir, Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("decodes to 31 bytes")
        .hasMessageContaining("Restore it from your backup");
    assertThat(Files.readString(file)).isEqualTo(Base64.getEncoder().encodeToString(new byte[31]));
  }

  @Test
  void rejectsAKeyFileThatIsNotBase64() throws Exception {
    Files.writeString(dataDir.resolve("master.key"), "this is not a key\n");

    assertThatThrownBy(() -> MasterKey.loadOrCreate(dataDir, Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not valid base64");
  }

  @Test
  void neverShowsTheKeyInToString() throws Exception {
    MasterKey key = MasterKey.loadOrCreate(dataDir, Map.of());
    String encoded = Files.readString(dataDir.resolve("master.key")).strip();

    assertThat(key.toString()).contains("redacted").doesNotContain(encoded);
  }

  @Test
  void rejectsRawKeysOfTheWrongLength() {
    assertThatThrownBy(() -> MasterKey.of(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32");
  }
}

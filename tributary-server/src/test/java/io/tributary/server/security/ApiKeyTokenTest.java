package io.tributary.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ApiKeyTokenTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void generatesTokensOfTheDocumentedFormat() {
    ApiKeyToken key = ApiKeyToken.generate(random);

    assertThat(key.token()).matches("trb_[a-z0-9]{8}_[A-Za-z0-9_-]{43}").hasSize(56);
    assertThat(key.token()).startsWith("trb_" + key.id() + "_");
    assertThat(ApiKeyToken.generate(random).token()).isNotEqualTo(key.token());
  }

  @Test
  void parsesWhatItGenerates() {
    ApiKeyToken key = ApiKeyToken.generate(random);

    ApiKeyToken parsed = ApiKeyToken.parse(key.token()).orElseThrow();

    assertThat(parsed.id()).isEqualTo(key.id());
    assertThat(parsed.token()).isEqualTo(key.token());
    assertThat(parsed.hash()).isEqualTo(key.hash());
  }

  @Test
  void parsesOnlyTheExactFormat() {
    String valid = ApiKeyToken.generate(random).token();
    String secret = valid.substring(13);

    assertThat(ApiKeyToken.parse(null)).isEmpty();
    assertThat(ApiKeyToken.parse("")).isEmpty();
    assertThat(ApiKeyToken.parse(" " + valid)).isEmpty();
    assertThat(ApiKeyToken.parse(valid + "A")).isEmpty();
    assertThat(ApiKeyToken.parse(valid.substring(0, 55))).isEmpty();
    assertThat(ApiKeyToken.parse("TRB_" + valid.substring(4))).isEmpty();
    assertThat(ApiKeyToken.parse("trb_ABCDEFGH_" + secret)).isEmpty(); // id is lowercase
    assertThat(ApiKeyToken.parse("trb_abcd-fgh_" + secret)).isEmpty();
    assertThat(ApiKeyToken.parse("trb_abcdefgh_" + secret.substring(0, 42) + "="))
        .isEmpty(); // no padding
  }

  @Test
  void rejectsSecretsThatNoGeneratedTokenHas() {
    // 'B' sets one of the two unused low bits of the last base64 character
    String nonCanonical = "trb_abcdefgh_" + "A".repeat(42) + "B";
    String canonical = "trb_abcdefgh_" + "A".repeat(42) + "E";

    assertThat(ApiKeyToken.parse(nonCanonical)).isEmpty();
    assertThat(ApiKeyToken.parse(canonical)).isPresent();
  }

  @Test
  void hashesTheWholeTokenWithSha256() throws Exception {
    ApiKeyToken key = ApiKeyToken.generate(random);
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(key.token().getBytes(StandardCharsets.UTF_8));

    assertThat(key.hash()).isEqualTo(HexFormat.of().formatHex(digest)).hasSize(64);
  }

  @Test
  void matchesOnlyTheTokenOfTheStoredHash() {
    ApiKeyToken key = ApiKeyToken.generate(random);
    ApiKeyToken other = ApiKeyToken.generate(random);

    assertThat(ApiKeyToken.matches(key.token(), key.hash())).isTrue();
    assertThat(ApiKeyToken.matches(key.token(), key.hash().toUpperCase(Locale.ROOT))).isTrue();
    assertThat(ApiKeyToken.matches(other.token(), key.hash())).isFalse();
    assertThat(ApiKeyToken.matches(key.token(), key.hash().substring(1))).isFalse();
    assertThat(ApiKeyToken.matches(null, key.hash())).isFalse();
    assertThat(ApiKeyToken.matches(key.token(), null)).isFalse();
  }

  @Test
  void showsOnlyTheIdInToString() {
    ApiKeyToken key = ApiKeyToken.generate(random);

    assertThat(key.toString())
        .isEqualTo("trb_" + key.id() + "_[redacted]")
        .doesNotContain(key.token().substring(13));
  }
}

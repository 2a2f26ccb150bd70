package io.tributary.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
  private static final String CONTEXT = "connector/shop/source.password";

  private final SecretBox box = new SecretBox(MasterKey.generate(new SecureRandom()));

  @Test
  void opensWhatItSealed() {
    String sealed = box.seal("pä$$wörd 🔑", CONTEXT);

    assertThat(sealed).startsWith("enc:v1:").doesNotContain("pä$$wörd");
    assertThat(SecretBox.isSealed(sealed)).isTrue();
    assertThat(box.open(sealed, CONTEXT)).isEqualTo("pä$$wörd 🔑");
  }

  @Test
  void sealsAnEmptySecret() {
    assertThat(box.open(box.seal("", CONTEXT), CONTEXT)).isEmpty();
  }

  @Test
  void usesAFreshIvForEveryValueInUrlSafeBase64() {
    String first = box.seal("hunter2", CONTEXT);
    String second = box.seal("hunter2", CONTEXT);

    assertThat(first).isNotEqualTo(second);
    byte[] bytes = Base64.getUrlDecoder().decode(first.substring("enc:v1:".length()));
    assertThat(bytes).hasSize(12 + "hunter2".length() + 16); // IV, ciphertext, 128-bit tag
    assertThat(first.substring("enc:v1:".length())).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void refusesToOpenAValueSealedForAnotherContext() {
    String sealed = box.seal("hunter2", CONTEXT);

    assertThatThrownBy(() -> box.open(sealed, "connector/other/source.password"))
        .isInstanceOf(UnreadableSecretException.class)
        .hasMessage(
            "cannot decrypt connector/other/source.password: the master key changed or the data"
                + " was modified; restore the original master key (TRIBUTARY_MASTER_KEY or"
                + " master.key in the data directory) or enter the secret again");
  }

  @Test
  void refusesToOpenWithAnotherKey() {
    String sealed = box.seal("hunter2", CONTEXT);
    SecretBox other = new SecretBox(MasterKey.generate(new SecureRandom()));

    assertThatThrownBy(() -> other.open(sealed, CONTEXT))
        .isInstanceOf(UnreadableSecretException.class)
        .hasMessageContaining("cannot decrypt " + CONTEXT)
        .hasMessageContaining("the master key changed or the data was modified");
  }

  @Test
  void detectsAnyChangedByte() {
    String sealed = box.seal("hunter2", CONTEXT);
    byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring("enc:v1:".length()));

    for (int i = 0; i < bytes.length; i++) {
      byte[] tampered = bytes.clone();
      tampered[i] ^= 1;
      String value = "enc:v1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
      assertThatThrownBy(() -> box.open(value, CONTEXT))
          .as("byte %d flipped", i)
          .isInstanceOf(UnreadableSecretException.class);
    }
  }

  @Test
  void reportsDamagedValuesWithoutQuotingThem() {
    assertThatThrownBy(() -> box.open("enc:v1:***", CONTEXT))
        .isInstanceOf(UnreadableSecretException.class)
        .hasMessageContaining("not valid base64url")
        .hasMessageNotContaining("***");
    assertThatThrownBy(() -> box.open("enc:v1:AAAA", CONTEXT))
        .isInstanceOf(UnreadableSecretException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void refusesPlaintextWithoutQuotingIt() {
    assertThat(SecretBox.isSealed("hunter2")).isFalse();
    assertThat(SecretBox.isSealed(null)).isFalse();
    assertThatThrownBy(() -> box.open("hunter2", CONTEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(CONTEXT)
        .hasMessageContaining("not encrypted")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void sealsAndOpensFromManyThreadsAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String secret = "secret-" + i;
        results.add(pool.submit(() -> box.open(box.seal(secret, CONTEXT), CONTEXT)));
      }
      Set<String> opened = new HashSet<>();
      for (Future<String> result : results) {
        opened.add(result.get());
      }
      assertThat(opened).hasSize(200).contains("secret-0", "secret-199");
    } finally {
      pool.shutdownNow();
    }
  }
}

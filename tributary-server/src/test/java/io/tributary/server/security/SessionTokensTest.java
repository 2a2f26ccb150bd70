package io.tributary.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTokensTest {
  private final SessionTokens sessions = new SessionTokens(new SecureRandom());

  @Test
  void issuesDistinctUrlSafeIdsOf32Bytes() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = sessions.newSessionId();
      assertThat(id).matches("[A-Za-z0-9_-]{43}");
      assertThat(SessionTokens.isWellFormed(id)).isTrue();
      ids.add(id);
    }
    assertThat(ids).hasSize(1000);
  }

  @Test
  void recognizesOnlyWellFormedIds() {
    assertThat(SessionTokens.isWellFormed(null)).isFalse();
    assertThat(SessionTokens.isWellFormed("")).isFalse();
    assertThat(SessionTokens.isWellFormed("a".repeat(42))).isFalse();
    assertThat(SessionTokens.isWellFormed("a".repeat(42) + ";")).isFalse();
  }

  @Test
  void storesOnlyAHashThatMatchesTheId() {
    String id = sessions.newSessionId();
    String hash = SessionTokens.hash(id);

    assertThat(hash).hasSize(64).doesNotContain(id);
    assertThat(SessionTokens.matches(id, hash)).isTrue();
    assertThat(SessionTokens.matches(sessions.newSessionId(), hash)).isFalse();
  }
}

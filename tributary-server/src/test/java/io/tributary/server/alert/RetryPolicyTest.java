package io.tributary.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final RandomGenerator LOWEST = () -> 0L;
  private static final RandomGenerator HIGHEST = () -> -1L;
  private final RetryPolicy policy =
      new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));

  private Duration backoff(int attempt, RandomGenerator random) {
    return policy.delayAfter(attempt, OptionalLong.empty(), random);
  }

  @Test
  void backoffDoublesUpToItsMaximumWithJitterBetweenHalfAndAll() {
    assertThat(backoff(1, LOWEST)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff(1, HIGHEST)).isEqualTo(Duration.ofMillis(999));
    assertThat(backoff(2, LOWEST)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff(4, HIGHEST)).isEqualTo(Duration.ofMillis(7999));
    assertThat(backoff(6, LOWEST)).isEqualTo(Duration.ofSeconds(15));
    assertThat(backoff(64, HIGHEST)).isEqualTo(Duration.ofMillis(29_999));
  }

  @Test
  void retryAfterReplacesBackoffUpToItsCap() {
    assertThat(policy.delayAfter(1, OptionalLong.of(0), LOWEST)).isEqualTo(Duration.ZERO);
    assertThat(policy.delayAfter(1, OptionalLong.of(45), LOWEST)).isEqualTo(Duration.ofSeconds(45));
    assertThat(policy.delayAfter(1, OptionalLong.of(86_400), LOWEST))
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be at least 1, was 0");
    assertThatThrownBy(
            () -> new RetryPolicy(1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initialBackoff must be positive, was PT0S");
  }
}

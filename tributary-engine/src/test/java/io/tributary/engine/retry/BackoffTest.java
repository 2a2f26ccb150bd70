package io.tributary.engine.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesTheCeilingUpToTheMaximum() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 1.0);
    assertThat(b.next()).isEqualTo(Duration.ofMillis(100));
    assertThat(b.next()).isEqualTo(Duration.ofMillis(200));
    assertThat(b.next()).isEqualTo(Duration.ofMillis(400));
    assertThat(b.next()).isEqualTo(Duration.ofMillis(800));
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void jitterKeepsEachWaitBetweenHalfAndAllOfTheCeiling() {
    Backoff low = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0);
    low.next();
    assertThat(low.next()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void resetStartsOver() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 1.0);
    b.next();
    b.next();
    b.reset();
    assertThat(b.attempts()).isZero();
    assertThat(b.next()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void rejectsAMaximumBelowTheInitialWait() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package io.tributary.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
  @Test
  void writesTheLargestExactUnitSoThatItReadsBack() {
    for (Duration d :
        new Duration[] {
          Duration.ZERO,
          Duration.ofMillis(1500),
          Duration.ofSeconds(90),
          Duration.ofMinutes(5),
          Duration.ofHours(36),
          Duration.ofDays(2)
        }) {
      assertThat(DurationText.parse(DurationText.format(d))).contains(d);
    }
    assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(DurationText.format(Duration.ofHours(36))).isEqualTo("36h");
    assertThat(DurationText.format(Duration.ofDays(2))).isEqualTo("2d");
  }

  @Test
  void readsNothingButANumberAndAUnit() {
    assertThat(DurationText.parse("5 m")).isEmpty();
    assertThat(DurationText.parse("5")).isEmpty();
    assertThat(DurationText.parse("1h30m")).isEmpty();
    assertThat(DurationText.parse("9999999999999m")).isEmpty();
  }
}

package io.tributary.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

  @ParameterizedTest
  @CsvSource({"500ms, PT0.5S", "10s, PT10S", "30m, PT30M", "2h, PT2H", "1d, PT24H", "0s, PT0S"})
  void readsEveryUnit(String text, Duration expected) {
    assertThat(DurationText.parse(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "2", "h", "2 h", " 2h", "2H", "2hours", "1.5h", "-1h", "2h30m", "PT2H"})
  void rejectsAnythingElse(String text) {
    assertThat(DurationText.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "PT0.5S, 500ms",
    "PT1.5S, 1500ms",
    "PT10S, 10s",
    "PT90S, 90s",
    "PT30M, 30m",
    "PT90M, 90m",
    "PT2H, 2h",
    "PT36H, 36h",
    "PT48H, 2d",
    "PT0S, 0s"
  })
  void writesTheLargestExactUnit(Duration duration, String expected) {
    assertThat(DurationText.format(duration)).isEqualTo(expected);
  }

  @Test
  void writesNothingItCouldNotReadBack() {
    assertThatThrownBy(() -> DurationText.format(Duration.ofNanos(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DurationText.format(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

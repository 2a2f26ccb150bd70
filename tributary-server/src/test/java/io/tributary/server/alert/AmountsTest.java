package io.tributary.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AmountsTest {
  @Test
  void showsBytesInDecimalUnitsWithOneDecimal() {
    assertThat(Amounts.bytes(0)).isEqualTo("0 B");
    assertThat(Amounts.bytes(999)).isEqualTo("999 B");
    assertThat(Amounts.bytes(1_000)).isEqualTo("1 KB");
    assertThat(Amounts.bytes(12_345_678)).isEqualTo("12.3 MB");
    assertThat(Amounts.bytes(999_960)).isEqualTo("1 MB");
    assertThat(Amounts.bytes(1_073_741_824)).isEqualTo("1.1 GB");
    assertThat(Amounts.bytes(Long.MAX_VALUE)).isEqualTo("9.2 EB");
  }

  @Test
  void showsDurationsTheWayPeopleSayThem() {
    assertThat(Amounts.duration(Duration.ZERO)).isEqualTo("0ms");
    assertThat(Amounts.duration(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(Amounts.duration(Duration.ofMillis(2_540))).isEqualTo("2.5s");
    assertThat(Amounts.duration(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(Amounts.duration(Duration.ofSeconds(125))).isEqualTo("2m 5s");
    assertThat(Amounts.duration(Duration.ofMinutes(90))).isEqualTo("1h 30m");
    assertThat(Amounts.duration(Duration.ofHours(51).plusSeconds(1))).isEqualTo("2d 3h 1s");
  }
}

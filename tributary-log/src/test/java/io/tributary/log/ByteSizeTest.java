package io.tributary.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

  @Test
  void readsPlainNumbersAndDecimalAndBinaryUnits() {
    assertThat(ByteSize.parse("1073741824").bytes()).isEqualTo(1L << 30);
    assertThat(ByteSize.parse("500MB").bytes()).isEqualTo(500_000_000L);
    assertThat(ByteSize.parse("10 GiB").bytes()).isEqualTo(10L << 30);
    assertThat(ByteSize.parse("64kib").bytes()).isEqualTo(65_536L);
    assertThat(ByteSize.parse("2TB").bytes()).isEqualTo(2_000_000_000_000L);
  }

  @Test
  void rejectsAnythingElse() {
    for (String bad :
        new String[] {"", "lots", "10 GB extra", "1.5GB", "-5", "10XB", "99999999999TiB"}) {
      assertThatThrownBy(() -> ByteSize.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad);
    }
  }
}

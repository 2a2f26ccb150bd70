package io.tributary.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.RawJson;
import io.tributary.api.Unavailable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  private static String write(Object value) {
    return new JsonWriter(4).value(value).toString();
  }

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(write("a\"b\\c\nd\te\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\"");
  }

  @Test
  void writesNonAsciiAsUtf8IncludingSurrogatePairs() {
    assertThat(write("zoë ✓ 😀")).isEqualTo("\"zoë ✓ 😀\"");
  }

  @Test
  void writesLongStringsThatOutgrowTheBuffer() {
    String big = "é\"".repeat(40_000);
    assertThat(write(big)).isEqualTo("\"" + big.replace("\"", "\\\"") + "\"");
  }

  @Test
  void writesNumbersExactly() {
    assertThat(write(0L)).isEqualTo("0");
    assertThat(write(-42L)).isEqualTo("-42");
    assertThat(write(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
    assertThat(write(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
    assertThat(write(1.5d)).isEqualTo("1.5");
    assertThat(write(Double.NaN)).isEqualTo("\"NaN\"");
    assertThat(write(Double.NEGATIVE_INFINITY)).isEqualTo("\"-Infinity\"");
    assertThat(write(new BigDecimal("12345678901234567890.10")))
        .isEqualTo("\"12345678901234567890.10\"");
  }

  @Test
  void writesBytesListsRawJsonAndPlaceholders() {
    assertThat(write(new byte[] {0, (byte) 0xff, 16})).isEqualTo("\"AP8Q\"");
    assertThat(write(Arrays.asList(1, null, List.of("x")))).isEqualTo("[1,null,[\"x\"]]");
    assertThat(write(new RawJson("{\"a\": [1]}"))).isEqualTo("{\"a\": [1]}");
    assertThat(write(Unavailable.VALUE)).isEqualTo("\"" + Unavailable.PLACEHOLDER + "\"");
  }
}

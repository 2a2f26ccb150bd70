package io.tributary.postgres.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.RawJson;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScalarConversionTest {
  private final TextValueConverter converter = new TextValueConverter(new TypeRegistry());

  private Object convert(int oid, String text) {
    return converter.convert(oid, text);
  }

  @Test
  void nullTextIsNullForEveryType() {
    assertThat(convert(23, null)).isNull();
    assertThat(convert(1007, null)).isNull();
    assertThat(convert(99_999, null)).isNull();
  }

  @Test
  void convertsBooleans() {
    assertThat(convert(16, "t")).isEqualTo(true);
    assertThat(convert(16, "f")).isEqualTo(false);
    assertThatThrownBy(() -> convert(16, "yes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pg_catalog.bool (OID 16) value 'yes'");
  }

  @Test
  void convertsSmallIntegersToInteger() {
    assertThat(convert(21, "-32768")).isEqualTo(-32_768);
    assertThat(convert(21, "32767")).isEqualTo(32_767);
    assertThat(convert(23, "-2147483648")).isEqualTo(Integer.MIN_VALUE);
    assertThat(convert(23, "2147483647")).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void convertsBigIntegersAndOidsToLong() {
    assertThat(convert(20, "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(convert(20, "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(convert(26, "4294967295")).isEqualTo(4_294_967_295L);
    assertThat(convert(28, "742")).isEqualTo(742L);
  }

  @Test
  void reportsNumbersThatDoNotParse() {
    assertThatThrownBy(() -> convert(23, "12x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot convert pg_catalog.int4 (OID 23) value '12x'");
  }

  @Test
  void convertsFloatsIncludingSpecialValues() {
    assertThat(convert(701, "3.141592653589793")).isEqualTo(3.141592653589793);
    assertThat(convert(701, "1e+308")).isEqualTo(1e308);
    assertThat(convert(701, "-0")).isEqualTo(-0.0);
    assertThat(convert(701, "NaN")).isEqualTo(Double.NaN);
    assertThat(convert(701, "Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(convert(701, "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(convert(700, "1.1")).isEqualTo(1.1);
    assertThat(convert(700, "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void convertsNumericExactlyAndKeepsSpecialValuesAsStrings() {
    String many = "-123456789012345678901234567890.123456789012345678901234567890";
    assertThat(convert(1700, many)).isEqualTo(new BigDecimal(many));
    assertThat(convert(1700, "0.00")).isEqualTo(new BigDecimal("0.00"));
    assertThat(convert(1700, "1e5")).isEqualTo(new BigDecimal("1E+5"));
    assertThat(convert(1700, "NaN")).isEqualTo("NaN");
    assertThat(convert(1700, "Infinity")).isEqualTo("Infinity");
    assertThat(convert(1700, "-Infinity")).isEqualTo("-Infinity");
    assertThatThrownBy(() -> convert(1700, "Inf")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> convert(1700, "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsTextLikeTypesAsStrings() {
    assertThat(convert(25, "héllo ✓ 😀\ttab")).isEqualTo("héllo ✓ 😀\ttab");
    assertThat(convert(25, "")).isEqualTo("");
    assertThat(convert(1043, "varchar")).isEqualTo("varchar");
    assertThat(convert(1042, "pad  ")).isEqualTo("pad  ");
    assertThat(convert(18, "c")).isEqualTo("c");
    assertThat(convert(19, "pg_class")).isEqualTo("pg_class");
    assertThat(convert(2950, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"))
        .isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
  }

  @Test
  void keepsOtherBuiltInTypesAsTheirText() {
    assertThat(convert(790, "$1,234.56")).isEqualTo("$1,234.56");
    assertThat(convert(869, "192.168.0.1/24")).isEqualTo("192.168.0.1/24");
    assertThat(convert(650, "10.0.0.0/8")).isEqualTo("10.0.0.0/8");
    assertThat(convert(829, "08:00:2b:01:02:03")).isEqualTo("08:00:2b:01:02:03");
    assertThat(convert(1560, "101")).isEqualTo("101");
    assertThat(convert(1562, "10101")).isEqualTo("10101");
    assertThat(convert(142, "<a>b</a>")).isEqualTo("<a>b</a>");
    assertThat(convert(3220, "16/B374D848")).isEqualTo("16/B374D848");
    assertThat(convert(600, "(1,2)")).isEqualTo("(1,2)");
    assertThat(convert(603, "(1,1),(0,0)")).isEqualTo("(1,1),(0,0)");
    assertThat(convert(3614, "'a' 'cat':2")).isEqualTo("'a' 'cat':2");
    assertThat(convert(3904, "[1,5)")).isEqualTo("[1,5)");
    assertThat(convert(4451, "{[1,3),[7,9)}")).isEqualTo("{[1,3),[7,9)}");
    assertThat(convert(1186, "P1Y2M3DT4H5M6S")).isEqualTo("P1Y2M3DT4H5M6S");
    assertThat(convert(1186, "1 year 2 mons 3 days 04:05:06"))
        .isEqualTo("1 year 2 mons 3 days 04:05:06");
  }

  @Test
  void wrapsJsonVerbatim() {
    assertThat(convert(114, "{\"a\": [1, 2.50, \"x\"]}"))
        .isEqualTo(new RawJson("{\"a\": [1, 2.50, \"x\"]}"));
    assertThat(convert(3802, "{\"a\": 1, \"ü\": null}"))
        .isEqualTo(new RawJson("{\"a\": 1, \"ü\": null}"));
    assertThat(convert(3802, "\"just a string\"")).isEqualTo(new RawJson("\"just a string\""));
  }

  @Test
  void resolvesParsersOncePerColumn() {
    ValueParser int8 = converter.parserFor(20);

    assertThat(int8.parse("42")).isEqualTo(42L);
    assertThat(converter.parserFor(20)).isSameAs(int8);
  }
}

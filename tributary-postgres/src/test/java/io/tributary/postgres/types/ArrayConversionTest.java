package io.tributary.postgres.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.RawJson;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrayConversionTest {
  private final TextValueConverter converter = new TextValueConverter(new TypeRegistry());

  private Object convert(int oid, String text) {
    return converter.convert(oid, text);
  }

  private static List<Object> list(Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void convertsElementsByElementTypeWithNulls() {
    assertThat(convert(1007, "{1,2,NULL,-2147483648}"))
        .isEqualTo(list(1, 2, null, Integer.MIN_VALUE));
    assertThat(convert(1016, "{9223372036854775807}")).isEqualTo(list(Long.MAX_VALUE));
    assertThat(convert(1000, "{t,f,NULL}")).isEqualTo(list(true, false, null));
    assertThat(convert(1022, "{1.5,NaN,-Infinity}"))
        .isEqualTo(list(1.5, Double.NaN, Double.NEGATIVE_INFINITY));
    assertThat(convert(1231, "{1.10,NaN}")).isEqualTo(list(new BigDecimal("1.10"), "NaN"));
    assertThat(convert(2951, "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}"))
        .isEqualTo(list("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
  }

  @Test
  void readsEmptyArray() {
    assertThat(convert(1009, "{}")).isEqualTo(List.of());
    assertThat(convert(1007, "{{},{}}")).isEqualTo(List.of(List.of(), List.of()));
  }

  @Test
  void unquotesAndUnescapesTextElements() {
    assertThat(convert(1009, "{\"a b\",\"c\\\"d\",\"e\\\\f\",plain,\"\",\"x,y\",\"{}\"}"))
        .isEqualTo(list("a b", "c\"d", "e\\f", "plain", "", "x,y", "{}"));
  }

  @Test
  void tellsNullFromTheQuotedWordNull() {
    assertThat(convert(1009, "{NULL,\"NULL\",null,\"null\",NULLS}"))
        .isEqualTo(list(null, "NULL", null, "null", "NULLS"));
    assertThat(convert(1009, "{\\NULL}")).isEqualTo(list("NULL"));
  }

  @Test
  void keepsUnicodeAndIgnoresSpaceAroundUnquotedElements() {
    assertThat(convert(1015, "{héllo,\"wörld ✓\",😀}")).isEqualTo(list("héllo", "wörld ✓", "😀"));
    assertThat(convert(1007, "{ 1 , 2 }")).isEqualTo(list(1, 2));
    assertThat(convert(1009, "{ a b ,\" c \"}")).isEqualTo(list("a b", " c "));
    assertThat(convert(1009, "{a\\ ,b}")).isEqualTo(list("a ", "b"));
  }

  @Test
  void readsMultiDimensionalArraysAsNestedLists() {
    assertThat(convert(1007, "{{1,2},{3,4}}")).isEqualTo(List.of(List.of(1, 2), List.of(3, 4)));
    assertThat(convert(1009, "{{{a}},{{\"b c\"}}}"))
        .isEqualTo(List.of(List.of(List.of("a")), List.of(List.of("b c"))));
    assertThat(convert(1007, "{{1,NULL},{NULL,4}}"))
        .isEqualTo(List.of(list(1, null), list(null, 4)));
  }

  @Test
  void dropsDimensionDecoration() {
    assertThat(convert(1007, "[0:1]={1,2}")).isEqualTo(list(1, 2));
    assertThat(convert(1007, "[0:1][-1:0]={{1,2},{3,4}}"))
        .isEqualTo(List.of(List.of(1, 2), List.of(3, 4)));
  }

  @Test
  void convertsElementsThatNeedQuotingInTheirOwnFormat() {
    assertThat(convert(3807, "{\"{\\\"a\\\": 1}\",\"[1, 2]\",NULL}"))
        .isEqualTo(list(new RawJson("{\"a\": 1}"), new RawJson("[1, 2]"), null));
    assertThat(convert(1185, "{\"2024-01-02 03:04:05+00\",infinity}"))
        .isEqualTo(list("2024-01-02T03:04:05Z", "infinity"));
    assertThat(convert(1182, "{2024-01-02,-infinity}")).isEqualTo(list("2024-01-02", "-infinity"));
    assertThat((List<?>) convert(1001, "{\"\\\\x0102\",NULL}"))
        .satisfiesExactly(
            b -> assertThat(b).isEqualTo(new byte[] {1, 2}), b -> assertThat(b).isNull());
  }

  @Test
  void splitsBoxArraysOnSemicolons() {
    assertThat(convert(1020, "{(1,1),(0,0);(3,3),(2,2)}"))
        .isEqualTo(list("(1,1),(0,0)", "(3,3),(2,2)"));
  }

  @Test
  void keepsCompositeAndRangeElementsAsText() {
    assertThat(convert(3905, "{\"[1,3)\",empty}")).isEqualTo(list("[1,3)", "empty"));
  }

  @Test
  void returnsImmutableLists() {
    @SuppressWarnings("unchecked")
    List<Object> ints = (List<Object>) convert(1007, "{1}");

    assertThatThrownBy(() -> ints.add(2)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void reportsMalformedLiterals() {
    assertThatThrownBy(() -> convert(1007, "{1,2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pg_catalog._int4 (OID 1007) value '{1,2'")
        .hasMessageContaining("unexpected end");
    assertThatThrownBy(() -> convert(1007, "1,2}")).hasMessageContaining("expected '{'");
    assertThatThrownBy(() -> convert(1007, "{1,2}x"))
        .hasMessageContaining("after the closing brace");
    assertThatThrownBy(() -> convert(1009, "{a,,b}"))
        .hasMessageContaining("empty unquoted element");
    assertThatThrownBy(() -> convert(1009, "{\"a\"b}")).hasMessageContaining("expected ',' or '}'");
    assertThatThrownBy(() -> convert(1007, "{1,x}"))
        .hasMessageContaining("For input string: \"x\"");
  }
}

package io.tributary.postgres.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserTypeConversionTest {
  private final TypeRegistry registry = new TypeRegistry();
  private final TextValueConverter converter = new TextValueConverter(registry);

  @Test
  void convertsDomainsAsTheirBaseType() {
    registry.register(PgType.domain(16_400, "public", "posint", 23));
    registry.register(PgType.domain(16_401, "public", "small_posint", 16_400));
    registry.register(PgType.domain(16_402, "public", "int_list", 1007));

    assertThat(converter.convert(16_400, "5")).isEqualTo(5);
    assertThat(converter.convert(16_401, "6")).isEqualTo(6);
    assertThat(converter.convert(16_402, "{1,2}")).isEqualTo(List.of(1, 2));
  }

  @Test
  void convertsEnumsAndTheirArraysToStrings() {
    registry.register(PgType.enumType(16_410, "public", "mood"));
    registry.register(PgType.fromCatalog(16_411, "public", "_mood", 'b', 'A', 0, 16_410, ','));

    assertThat(converter.convert(16_410, "happy")).isEqualTo("happy");
    assertThat(converter.convert(16_411, "{happy,NULL,\"very sad\"}"))
        .isEqualTo(Arrays.asList("happy", null, "very sad"));
  }

  @Test
  void convertsArraysOfDomainsByTheDomainsBaseType() {
    registry.register(PgType.domain(16_420, "public", "money_amount", 1700));
    registry.register(
        PgType.fromCatalog(16_421, "public", "_money_amount", 'b', 'A', 0, 16_420, ','));

    assertThat(converter.convert(16_421, "{1.5}"))
        .isEqualTo(List.of(new java.math.BigDecimal("1.5")));
  }

  @Test
  void keepsUnknownAndExtensionTypesAsText() {
    registry.register(PgType.fromCatalog(16_430, "public", "citext", 'b', 'S', 0, 0, ','));
    registry.register(PgType.fromCatalog(16_431, "public", "pair", 'c', 'C', 0, 0, ','));

    assertThat(converter.convert(16_430, "MiXeD")).isEqualTo("MiXeD");
    assertThat(converter.convert(16_431, "(1,\"a b\")")).isEqualTo("(1,\"a b\")");
    assertThat(converter.convert(99_999, "whatever")).isEqualTo("whatever");
    assertThat(converter.convert(16_499, "{1,2}")).isEqualTo("{1,2}");
  }

  @Test
  void picksUpTypesRegisteredAfterFirstUse() {
    assertThat(converter.convert(16_440, "7")).isEqualTo("7");

    registry.register(PgType.domain(16_440, "public", "late", 20));

    assertThat(converter.convert(16_440, "7")).isEqualTo(7L);
  }

  @Test
  void treatsDomainsOverUnknownTypesAsText() {
    registry.register(PgType.domain(16_450, "public", "orphan", 16_451));

    assertThat(converter.convert(16_450, "x")).isEqualTo("x");
  }
}

package io.tributary.postgres.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.postgres.types.PgType.Kind;
import org.junit.jupiter.api.Test;

class TypeRegistryTest {
  private final TypeRegistry registry = new TypeRegistry();

  @Test
  void knowsBuiltInScalarTypes() {
    assertThat(registry.get(16)).isEqualTo(PgType.base(16, "bool"));
    assertThat(registry.get(1700).name()).isEqualTo("numeric");
    assertThat(registry.get(3802).name()).isEqualTo("jsonb");
    assertThat(registry.get(3220).name()).isEqualTo("pg_lsn");
    assertThat(registry.get(3614).name()).isEqualTo("tsvector");
    assertThat(registry.get(3904).kind()).isEqualTo(Kind.RANGE);
    assertThat(registry.get(603).delimiter()).isEqualTo(';');
    assertThat(registry.isBuiltin(2950)).isTrue();
  }

  @Test
  void knowsBuiltInArrayTypesAndTheirElements() {
    assertThat(registry.get(1007)).isEqualTo(PgType.array(1007, "_int4", 23));
    assertThat(registry.get(1009).elementTypeOid()).isEqualTo(25);
    assertThat(registry.get(1185).elementTypeOid()).isEqualTo(1184);
    assertThat(registry.get(2951).elementTypeOid()).isEqualTo(2950);
    assertThat(registry.get(3807).elementTypeOid()).isEqualTo(3802);
    assertThat(registry.get(1231).elementTypeOid()).isEqualTo(1700);
  }

  @Test
  void treatsVectorTypesAsScalarsBecauseTheirTextHasNoBraces() {
    assertThat(registry.get(22).kind()).isEqualTo(Kind.BASE);
    assertThat(registry.get(30).kind()).isEqualTo(Kind.BASE);
  }

  @Test
  void returnsNullForUnknownTypes() {
    assertThat(registry.get(16_999)).isNull();
    assertThat(registry.get(-5)).isNull();
    assertThat(registry.isBuiltin(16_999)).isFalse();
  }

  @Test
  void registersUserTypesButNeverReplacesBuiltIns() {
    PgType mood = PgType.enumType(16_500, "public", "mood");

    assertThat(registry.register(mood)).isTrue();
    assertThat(registry.register(PgType.domain(23, "public", "evil", 25))).isFalse();

    assertThat(registry.get(16_500)).isEqualTo(mood);
    assertThat(registry.get(23).name()).isEqualTo("int4");
  }

  @Test
  void readsKindFromCatalogColumns() {
    assertThat(PgType.fromCatalog(16_501, "public", "_mood", 'b', 'A', 0, 16_500, ',').kind())
        .isEqualTo(Kind.ARRAY);
    assertThat(PgType.fromCatalog(16_502, "public", "posint", 'd', 'N', 23, 0, ','))
        .isEqualTo(PgType.domain(16_502, "public", "posint", 23));
    assertThat(PgType.fromCatalog(16_503, "public", "citext", 'b', 'S', 0, 0, ',').kind())
        .isEqualTo(Kind.BASE);
    assertThat(PgType.fromCatalog(16_504, "public", "pair", 'c', 'C', 0, 0, ',').kind())
        .isEqualTo(Kind.COMPOSITE);
    assertThat(PgType.fromCatalog(16_505, "public", "floatrange", 'r', 'R', 0, 0, ',').kind())
        .isEqualTo(Kind.RANGE);
    assertThat(PgType.fromCatalog(16_506, "public", "mood", 'e', 'E', 0, 0, ',').kind())
        .isEqualTo(Kind.ENUM);
    assertThatThrownBy(() -> PgType.fromCatalog(1, "x", "y", 'z', 'U', 0, 0, ','))
        .hasMessageContaining("unknown typtype 'z'");
  }

  @Test
  void rejectsDomainsWithoutBaseAndArraysWithoutElement() {
    assertThatThrownBy(() -> PgType.domain(1, "s", "d", 0)).hasMessageContaining("base type");
    assertThatThrownBy(() -> PgType.array(1, "_x", 0)).hasMessageContaining("element type");
  }
}

package io.tributary.postgres.pgoutput;

import static io.tributary.postgres.pgoutput.MessageBytes.message;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelationDecodingTest {

  @Test
  void decodesRelationWithKeyAndNonKeyColumns() {
    var relation =
        (Relation)
            message('R')
                .int32(16_385)
                .string("public")
                .string("orders")
                .int8('d')
                .int16(4)
                .int8(1)
                .string("id")
                .int32(20)
                .int32(-1)
                .int8(1)
                .string("region")
                .int32(1043)
                .int32(36)
                .int8(0)
                .string("total")
                .int32(1700)
                .int32((12 << 16 | 2) + 4)
                .int8(0)
                .string("notes")
                .int32(25)
                .int32(-1)
                .decode();

    assertThat(relation.oid()).isEqualTo(16_385);
    assertThat(relation.namespace()).isEqualTo("public");
    assertThat(relation.name()).isEqualTo("orders");
    assertThat(relation.replicaIdentity()).isEqualTo(Relation.IDENTITY_DEFAULT);
    assertThat(relation.columns())
        .containsExactly(
            new Relation.Column(true, "id", 20, -1),
            new Relation.Column(true, "region", 1043, 36),
            new Relation.Column(false, "total", 1700, 786_438),
            new Relation.Column(false, "notes", 25, -1));
  }

  @Test
  void keepsTheEmptyNamespaceThatStandsForPgCatalogAndUnicodeNames() {
    var relation =
        (Relation)
            message('R')
                .int32(42)
                .string("")
                .string("tâble ✓")
                .int8('f')
                .int16(1)
                .int8(0)
                .string("naïve")
                .int32(25)
                .int32(-1)
                .decode();

    assertThat(relation.namespace()).isEmpty();
    assertThat(relation.name()).isEqualTo("tâble ✓");
    assertThat(relation.replicaIdentity()).isEqualTo(Relation.IDENTITY_FULL);
    assertThat(relation.columns()).containsExactly(new Relation.Column(false, "naïve", 25, -1));
  }

  @Test
  void decodesRelationWithoutColumns() {
    var relation =
        (Relation) message('R').int32(7).string("s").string("empty").int8('n').int16(0).decode();

    assertThat(relation.columns()).isEmpty();
    assertThat(relation.replicaIdentity()).isEqualTo(Relation.IDENTITY_NOTHING);
  }

  @Test
  void readsRelationOidsAboveTheSignedRangeBitForBit() {
    var relation =
        (Relation)
            message('R').int32(0xFFFF_FFF0).string("s").string("t").int8('i').int16(0).decode();

    assertThat(Integer.toUnsignedLong(relation.oid())).isEqualTo(4_294_967_280L);
  }

  @Test
  void decodesType() {
    var type = (Type) message('Y').int32(16_401).string("public").string("mood").decode();

    assertThat(type).isEqualTo(new Type(16_401, "public", "mood"));
  }
}

package io.tributary.postgres.pgoutput;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.Unavailable;
import io.tributary.api.offset.Lsn;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Messages captured from PostgreSQL 15.20 with {@code pg_logical_slot_peek_binary_changes(...,
 * 'proto_version', '1', ...)} for {@code CREATE TABLE small (id int PRIMARY KEY, name text, big
 * text)} with {@code big} stored out of line, after an insert, an update of {@code name}, an update
 * of the key and a delete.
 */
class CapturedMessagesTest {
  private static final String BIG = "78".repeat(3000); // 3000 × 'x'

  private static PgOutputMessage decode(String hex) {
    return new PgOutputDecoder().decode(ByteBuffer.wrap(HexFormat.of().parseHex(hex)));
  }

  @Test
  void decodesBeginAndCommitOfTheInsert() {
    var begin = (Begin) decode("4200000000015c18d0000304329ef26770000002ed");
    var commit = (Commit) decode("430000000000015c18d000000000015c1900000304329ef26770");

    assertThat(begin).isEqualTo(new Begin(Lsn.parse("0/15C18D0"), begin.commitTimeMicros(), 749));
    assertThat(begin.commitTime()).isEqualTo(Instant.parse("2026-11-26T20:33:11.694192Z"));
    assertThat(commit.commitLsn()).isEqualTo(begin.finalLsn());
    assertThat(commit.endLsn()).isEqualTo(Lsn.parse("0/15C1900"));
    assertThat(commit.commitTimeMicros()).isEqualTo(begin.commitTimeMicros());
  }

  @Test
  void decodesRelation() {
    var relation =
        (Relation)
            decode(
                "52000040267075626c696300736d616c6c006400030169640000000017ffffffff006e616d65"
                    + "0000000019ffffffff006269670000000019ffffffff");

    assertThat(relation)
        .isEqualTo(
            new Relation(
                16_422,
                "public",
                "small",
                Relation.IDENTITY_DEFAULT,
                java.util.List.of(
                    new Relation.Column(true, "id", 23, -1),
                    new Relation.Column(false, "name", 25, -1),
                    new Relation.Column(false, "big", 25, -1))));
  }

  @Test
  void decodesInsertWithLongValue() {
    var insert = (Insert) decode("49000040264e00037400000001317400000001617400000bb8" + BIG);

    assertThat(insert).isEqualTo(new Insert(16_422, TupleData.of("1", "a", "x".repeat(3000))));
  }

  @Test
  void decodesUpdateThatLeftTheToastedValueOut() {
    var update = (Update) decode("55000040264e000374000000013174000000016275");

    assertThat(update).isEqualTo(new Update(16_422, TupleData.of("1", "b", Unavailable.VALUE)));
  }

  @Test
  void decodesUpdateOfTheKeyWithOldKeyTuple() {
    var update =
        (Update) decode("55000040264b00037400000001316e6e4e000374000000013274000000016275");

    assertThat(update)
        .isEqualTo(
            new Update(
                16_422,
                Update.OLD_KEY,
                TupleData.of("1", null, null),
                TupleData.of("2", "b", Unavailable.VALUE)));
  }

  @Test
  void decodesDeleteWithOldKeyTuple() {
    var delete = (Delete) decode("44000040264b00037400000001326e6e");

    assertThat(delete).isEqualTo(new Delete(16_422, Update.OLD_KEY, TupleData.of("2", null, null)));
  }
}

package io.tributary.postgres.pgoutput;

import static io.tributary.postgres.pgoutput.MessageBytes.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.Unavailable;
import org.junit.jupiter.api.Test;

class ChangeDecodingTest {

  @Test
  void decodesInsert() {
    var insert =
        (Insert) message('I').int32(16_385).int8('N').int16(2).text("1").text("hello").decode();

    assertThat(insert.relationOid()).isEqualTo(16_385);
    assertThat(insert.newTuple()).isEqualTo(TupleData.of("1", "hello"));
  }

  @Test
  void decodesUpdateWithoutOldValues() {
    var update =
        (Update) message('U').int32(16_385).int8('N').int16(2).text("1").text("new").decode();

    assertThat(update.oldKind()).isEqualTo(Update.NO_OLD);
    assertThat(update.oldTuple()).isNull();
    assertThat(update.hasOldTuple()).isFalse();
    assertThat(update.newTuple()).isEqualTo(TupleData.of("1", "new"));
  }

  @Test
  void decodesUpdateWithOldKeyWhoseNonKeyColumnsAreNull() {
    var update =
        (Update)
            message('U')
                .int32(16_385)
                .int8('K')
                .int16(2)
                .text("1")
                .int8('n')
                .int8('N')
                .int16(2)
                .text("2")
                .text("v")
                .decode();

    assertThat(update.oldKind()).isEqualTo(Update.OLD_KEY);
    assertThat(update.oldTuple()).isEqualTo(TupleData.of("1", null));
    assertThat(update.newTuple()).isEqualTo(TupleData.of("2", "v"));
  }

  @Test
  void decodesUpdateWithFullOldRowAndUnchangedToastValue() {
    var update =
        (Update)
            message('U')
                .int32(16_385)
                .int8('O')
                .int16(3)
                .text("1")
                .text("before")
                .int8('n')
                .int8('N')
                .int16(3)
                .text("1")
                .text("after")
                .int8('u')
                .decode();

    assertThat(update.oldKind()).isEqualTo(Update.OLD_ROW);
    assertThat(update.oldTuple()).isEqualTo(TupleData.of("1", "before", null));
    assertThat(update.newTuple()).isEqualTo(TupleData.of("1", "after", Unavailable.VALUE));
    assertThat(update.newTuple().isUnchangedToast(2)).isTrue();
  }

  @Test
  void decodesDeleteWithOldKey() {
    var delete =
        (Delete) message('D').int32(16_385).int8('K').int16(2).text("9").int8('n').decode();

    assertThat(delete.relationOid()).isEqualTo(16_385);
    assertThat(delete.oldKind()).isEqualTo(Update.OLD_KEY);
    assertThat(delete.oldTuple()).isEqualTo(TupleData.of("9", null));
  }

  @Test
  void decodesDeleteWithFullOldRow() {
    var delete =
        (Delete) message('D').int32(16_385).int8('O').int16(2).text("9").text("x").decode();

    assertThat(delete.oldKind()).isEqualTo(Update.OLD_ROW);
    assertThat(delete.oldTuple()).isEqualTo(TupleData.of("9", "x"));
  }

  @Test
  void decodesTruncateOfSeveralTablesWithCascadeAndRestartIdentity() {
    var truncate =
        (Truncate) message('T').int32(3).int8(3).int32(16_385).int32(16_390).int32(16_402).decode();

    assertThat(truncate.relationOids()).containsExactly(16_385, 16_390, 16_402);
    assertThat(truncate.options()).isEqualTo(3);
    assertThat(truncate.cascade()).isTrue();
    assertThat(truncate.restartIdentity()).isTrue();
  }

  @Test
  void decodesPlainTruncate() {
    var truncate = (Truncate) message('T').int32(1).int8(0).int32(16_385).decode();

    assertThat(truncate.relationOids()).containsExactly(16_385);
    assertThat(truncate.cascade()).isFalse();
    assertThat(truncate.restartIdentity()).isFalse();
  }

  @Test
  void decodesTruncateWithOnlyRestartIdentity() {
    var truncate = (Truncate) message('T').int32(1).int8(2).int32(1).decode();

    assertThat(truncate.cascade()).isFalse();
    assertThat(truncate.restartIdentity()).isTrue();
  }
}

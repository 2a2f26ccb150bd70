package io.tributary.postgres.pgoutput;

import static io.tributary.postgres.pgoutput.MessageBytes.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.Unavailable;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class TupleDataDecodingTest {

  @Test
  void decodesEveryColumnKind() {
    var insert =
        (Insert)
            message('I')
                .int32(1)
                .int8('N')
                .int16(5)
                .int8('n')
                .int8('u')
                .text("héllo wörld ✓ 😀")
                .int8('b')
                .int32(3)
                .bytes(new byte[] {0, (byte) 0xFF, 7})
                .text("")
                .decode();
    TupleData tuple = insert.newTuple();

    assertThat(tuple.size()).isEqualTo(5);
    assertThat(tuple.kind(0)).isEqualTo(TupleData.NULL);
    assertThat(tuple.isNull(0)).isTrue();
    assertThat(tuple.value(0)).isNull();
    assertThat(tuple.kind(1)).isEqualTo(TupleData.UNCHANGED_TOAST);
    assertThat(tuple.value(1)).isSameAs(Unavailable.VALUE);
    assertThat(tuple.kind(2)).isEqualTo(TupleData.TEXT);
    assertThat(tuple.text(2)).isEqualTo("héllo wörld ✓ 😀");
    assertThat(tuple.kind(3)).isEqualTo(TupleData.BINARY);
    assertThat(tuple.binary(3)).containsExactly(0, 0xFF, 7);
    assertThat(tuple.text(4)).isEmpty();
  }

  @Test
  void decodesEmptyTuple() {
    var insert = (Insert) message('I').int32(1).int8('N').int16(0).decode();

    assertThat(insert.newTuple().size()).isZero();
  }

  @Test
  void readsFromBufferPositionAndAdvancesToLimit() {
    byte[] msg = message('I').int32(5).int8('N').int16(1).text("x").toArray();
    byte[] framed = new byte[msg.length + 30];
    System.arraycopy(msg, 0, framed, 25, msg.length);
    ByteBuffer buffer = ByteBuffer.wrap(framed, 25, msg.length);

    var insert = (Insert) new PgOutputDecoder().decode(buffer);

    assertThat(insert.newTuple().text(0)).isEqualTo("x");
    assertThat(buffer.position()).isEqualTo(25 + msg.length);
  }

  @Test
  void decodesFromSlicedAndDirectBuffers() {
    byte[] msg = message('I').int32(5).int8('N').int16(2).text("ab").int8('n').toArray();
    byte[] framed = new byte[msg.length + 3];
    System.arraycopy(msg, 0, framed, 3, msg.length);
    ByteBuffer slice = ByteBuffer.wrap(framed).position(3).slice();
    ByteBuffer direct = ByteBuffer.allocateDirect(msg.length).put(msg).flip();

    assertThat(new PgOutputDecoder().decode(slice))
        .isEqualTo(new Insert(5, TupleData.of("ab", null)));
    assertThat(new PgOutputDecoder().decode(direct))
        .isEqualTo(new Insert(5, TupleData.of("ab", null)));
  }

  @Test
  void refusesToReadTextOfANullColumn() {
    TupleData tuple = TupleData.of((Object) null);

    assertThatThrownBy(() -> tuple.text(0)).hasMessageContaining("kind 'n'");
  }

  @Test
  void rejectsValuesTheProtocolCannotCarry() {
    assertThatThrownBy(() -> TupleData.of(1)).hasMessageContaining("java.lang.Integer");
  }
}

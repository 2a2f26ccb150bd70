package io.tributary.postgres.pgoutput;

import static io.tributary.postgres.pgoutput.MessageBytes.message;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MalformedMessageTest {

  @Test
  void rejectsEmptyBuffer() {
    assertThatThrownBy(() -> new PgOutputDecoder().decode(ByteBuffer.allocate(0)))
        .isInstanceOf(PgOutputException.class)
        .hasMessageContaining("empty pgoutput message");
  }

  @Test
  void namesAnUnknownTypeByte() {
    assertThatThrownBy(() -> message('Z').decode())
        .isInstanceOf(PgOutputException.class)
        .hasMessageContaining("unknown pgoutput message type 'Z' (0x5a)");
    assertThatThrownBy(() -> new MessageBytes().int8(0xF0).decode())
        .hasMessageContaining("type 0xf0");
  }

  @Test
  void rejectsStreamingMessagesOfProtocolVersion2ByName() {
    assertThatThrownBy(() -> message('S').int32(1).int8(1).decode())
        .isInstanceOf(PgOutputException.class)
        .hasMessageContaining("'S' (0x53) (Stream Start)")
        .hasMessageContaining("proto_version '1'");
    assertThatThrownBy(() -> message('c').decode()).hasMessageContaining("Stream Commit");
    assertThatThrownBy(() -> message('A').decode()).hasMessageContaining("Stream Abort");
    assertThatThrownBy(() -> message('E').decode()).hasMessageContaining("Stream Stop");
    assertThatThrownBy(() -> message('P').decode()).hasMessageContaining("Prepare");
  }

  @Test
  void saysWhichFieldOfATruncatedBeginIsMissing() {
    assertThatThrownBy(() -> message('B').int64(1).int32(0).decode())
        .isInstanceOf(PgOutputException.class)
        .hasMessage(
            "truncated pgoutput Begin message: commit timestamp needs 8 byte(s) at offset 9 but"
                + " only 4 remain (message length 13)");
  }

  @Test
  void detectsEveryTruncationOfAnUpdate() {
    byte[] whole =
        message('U')
            .int32(1)
            .int8('O')
            .int16(2)
            .text("a")
            .int8('n')
            .int8('N')
            .int16(2)
            .text("bb")
            .int8('u')
            .toArray();

    for (int len = 1; len < whole.length; len++) {
      byte[] cut = Arrays.copyOf(whole, len);
      assertThatThrownBy(() -> new PgOutputDecoder().decode(ByteBuffer.wrap(cut)))
          .as("cut after %d bytes", len)
          .isInstanceOf(PgOutputException.class)
          .hasMessageContaining("pgoutput Update message");
    }
  }

  @Test
  void detectsTextValueLongerThanTheMessage() {
    assertThatThrownBy(
            () -> message('I').int32(1).int8('N').int16(1).int8('t').int32(100).int8('x').decode())
        .hasMessageContaining("truncated pgoutput Insert message: text value needs 100 byte(s)");
  }

  @Test
  void rejectsNegativeLength() {
    assertThatThrownBy(() -> message('I').int32(1).int8('N').int16(1).int8('t').int32(-1).decode())
        .hasMessageContaining("malformed pgoutput Insert message at offset 9: negative length -1");
  }

  @Test
  void rejectsUnterminatedString() {
    assertThatThrownBy(
            () -> message('Y').int32(1).string("public").bytes(new byte[] {'m', 'o'}).decode())
        .hasMessageContaining(
            "malformed pgoutput Type message at offset 12: string type name has no"
                + " terminating zero byte");
  }

  @Test
  void rejectsUnknownTupleColumnKind() {
    assertThatThrownBy(() -> message('I').int32(1).int8('N').int16(2).text("1").int8('x').decode())
        .hasMessageContaining(
            "malformed pgoutput Insert message at offset 14: unknown kind 0x78 for"
                + " tuple column 1");
  }

  @Test
  void rejectsMissingNewTupleMarker() {
    assertThatThrownBy(() -> message('I').int32(1).int8('X').int16(0).decode())
        .hasMessageContaining("expected 'N' before the new tuple but found 0x58");
    assertThatThrownBy(() -> message('U').int32(1).int8('K').int16(0).int8('O').int16(0).decode())
        .hasMessageContaining("expected 'N' before the new tuple but found 0x4f");
    assertThatThrownBy(() -> message('U').int32(1).int8('Q').decode())
        .hasMessageContaining("expected 'K', 'O' or 'N' but found 0x51");
    assertThatThrownBy(() -> message('D').int32(1).int8('N').int16(0).decode())
        .hasMessageContaining("expected 'K' or 'O' but found 0x4e");
  }

  @Test
  void rejectsTruncateAnnouncingMoreRelationsThanItCarries() {
    assertThatThrownBy(() -> message('T').int32(Integer.MAX_VALUE).int8(0).int32(1).decode())
        .hasMessageContaining("2147483647 relation OIDs announced but only 4 byte(s) remain");
    assertThatThrownBy(() -> message('T').int32(-2).int8(0).decode())
        .hasMessageContaining("negative relation count -2");
  }

  @Test
  void rejectsTrailingBytes() {
    assertThatThrownBy(() -> message('C').int8(0).int64(1).int64(2).int64(3).int8(0).decode())
        .hasMessage(
            "malformed pgoutput Commit message at offset 26: 1 unexpected byte(s) after the"
                + " last field");
  }

  @Test
  void leavesBufferPositionAloneWhenDecodingFails() {
    ByteBuffer buffer = message('B').int64(1).buffer();

    assertThatThrownBy(() -> new PgOutputDecoder().decode(buffer))
        .isInstanceOf(PgOutputException.class);
    org.assertj.core.api.Assertions.assertThat(buffer.position()).isZero();
  }
}

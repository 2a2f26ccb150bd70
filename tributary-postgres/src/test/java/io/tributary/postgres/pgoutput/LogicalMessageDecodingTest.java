package io.tributary.postgres.pgoutput;

import static io.tributary.postgres.pgoutput.MessageBytes.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.offset.Lsn;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogicalMessageDecodingTest {

  @Test
  void decodesNonTransactionalMessage() {
    byte[] content = "{\"ts\":1}".getBytes(StandardCharsets.UTF_8);
    var msg =
        (LogicalMessage)
            message('M')
                .int8(0)
                .int64(0x2_0000_0100L)
                .string("tributary.heartbeat")
                .int32(content.length)
                .bytes(content)
                .decode();

    assertThat(msg.transactional()).isFalse();
    assertThat(msg.lsn()).isEqualTo(Lsn.parse("2/100"));
    assertThat(msg.prefix()).isEqualTo("tributary.heartbeat");
    assertThat(msg.content()).isEqualTo(content);
    assertThat(msg.contentAsString()).isEqualTo("{\"ts\":1}");
  }

  @Test
  void decodesTransactionalMessageWithBinaryAndEmptyContent() {
    var binary =
        (LogicalMessage)
            message('M').int8(1).int64(5).string("p").int32(2).bytes(new byte[] {0, -1}).decode();
    var empty = (LogicalMessage) message('M').int8(1).int64(5).string("").int32(0).decode();

    assertThat(binary.transactional()).isTrue();
    assertThat(binary.content()).containsExactly(0, 0xFF);
    assertThat(empty.prefix()).isEmpty();
    assertThat(empty.content()).isEmpty();
  }

  @Test
  void handsOutCopiesOfTheContent() {
    var msg = new LogicalMessage(false, Lsn.ZERO, "p", new byte[] {1});

    msg.content()[0] = 9;

    assertThat(msg.content()).containsExactly(1);
    assertThat(msg).isEqualTo(new LogicalMessage(false, Lsn.ZERO, "p", new byte[] {1}));
  }
}

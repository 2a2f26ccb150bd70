package io.tributary.log.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class RecordFormatTest {

  @Test
  void encodesTheDocumentedLayout() {
    ByteBuffer buffer = ByteBuffer.allocate(64);
    byte[] key = "k".getBytes(StandardCharsets.UTF_8);
    byte[] value = "vv".getBytes(StandardCharsets.UTF_8);

    RecordFormat.write(buffer, new CRC32C(), 5, 0x0102030405L, key, value);

    byte[] covered =
        HexFormat.of()
            .parseHex(
                "0000000000000005" // offset
                    + "0000000102030405" // timestamp
                    + "00000001"
                    + "6b" // key
                    + "00000002"
                    + "7676"); // value
    CRC32C crc = new CRC32C();
    crc.update(covered);
    ByteBuffer expected = ByteBuffer.allocate(8 + covered.length);
    expected.putInt(4 + covered.length).putInt((int) crc.getValue()).put(covered);
    assertThat(buffer.flip()).isEqualTo(expected.flip());
    assertThat(RecordFormat.size(key, value)).isEqualTo(8 + covered.length);
  }

  @Test
  void writesNullKeyAndValueAsMinusOne() {
    ByteBuffer buffer = ByteBuffer.allocate(64);

    RecordFormat.write(buffer, new CRC32C(), 0, 0, null, null);

    assertThat(buffer.position()).isEqualTo(RecordFormat.OVERHEAD);
    assertThat(buffer.getInt(24)).isEqualTo(-1);
    assertThat(buffer.getInt(28)).isEqualTo(-1);
  }

  @Test
  void leavesTheBufferLimitAlone() {
    ByteBuffer buffer = ByteBuffer.allocateDirect(256);
    buffer.position(10);

    RecordFormat.write(buffer, new CRC32C(), 1, 2, new byte[3], new byte[4]);

    assertThat(buffer.limit()).isEqualTo(256);
    assertThat(buffer.position()).isEqualTo(10 + RecordFormat.OVERHEAD + 7);
  }
}

package io.tributary.log.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
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

  @Test
  void heapAndDirectBuffersGetTheSameBytes() {
    byte[] array = "xx{\"id\":1}{\"after\":{\"id\":1}}yy".getBytes(StandardCharsets.UTF_8);
    RecordBytes record = new RecordBytes().set(array, 2, 8, array, 10, 20);
    ByteBuffer heap = ByteBuffer.allocate(128).position(3);
    ByteBuffer direct = ByteBuffer.allocateDirect(128).position(3);

    RecordFormat.write(heap, new CRC32C(), 42, 1_700_000_000_000L, record);
    RecordFormat.write(direct, new CRC32C(), 42, 1_700_000_000_000L, record);

    assertThat(heap.position()).isEqualTo(3 + RecordFormat.size(8, 20));
    assertThat(heap.flip()).isEqualTo(direct.flip());
  }

  @Test
  void aSliceOfAHeapBufferIsWrittenAtItsOwnPosition() {
    ByteBuffer whole = ByteBuffer.allocate(128);
    ByteBuffer slice = whole.position(16).slice();
    ByteBuffer expected = ByteBuffer.allocate(64);

    RecordFormat.write(slice, new CRC32C(), 1, 2, new byte[] {7}, null);
    RecordFormat.write(expected, new CRC32C(), 1, 2, new byte[] {7}, null);

    assertThat(whole.position(16).limit(16 + slice.position())).isEqualTo(expected.flip());
  }

  @Test
  void refusesARecordThatDoesNotFitAndWritesNothing() {
    ByteBuffer buffer = ByteBuffer.allocate(RecordFormat.OVERHEAD + 3);

    assertThatThrownBy(
            () -> RecordFormat.write(buffer, new CRC32C(), 0, 0, new byte[2], new byte[2]))
        .isInstanceOf(BufferOverflowException.class);
    assertThat(buffer.position()).isZero();
    assertThat(buffer.array()).containsOnly(0);
  }
}

package io.tributary.log.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentScannerTest {

  @TempDir Path dir;

  /** Three records (offsets 7, 8, 9) with values of 10, 100_000 and 0 bytes. */
  private byte[] threeRecords() {
    ByteBuffer buffer = ByteBuffer.allocate(200_000);
    CRC32C crc = new CRC32C();
    RecordFormat.write(buffer, crc, 7, 70, "a".getBytes(), new byte[10]);
    RecordFormat.write(buffer, crc, 8, 80, null, filled(100_000));
    RecordFormat.write(buffer, crc, 9, 90, new byte[0], new byte[0]);
    return Arrays.copyOf(buffer.array(), buffer.position());
  }

  private static byte[] filled(int n) {
    byte[] bytes = new byte[n];
    Arrays.fill(bytes, (byte) 'z');
    return bytes;
  }

  private SegmentScanner scannerOver(byte[] bytes) throws IOException {
    Path file = dir.resolve("segment.log");
    Files.write(file, bytes);
    return new SegmentScanner(FileChannel.open(file, StandardOpenOption.READ), 0);
  }

  @Test
  void readsRecordsLargerThanItsBuffer() throws Exception {
    SegmentScanner scanner = scannerOver(threeRecords());

    assertThat(scanner.next()).isTrue();
    assertThat(scanner.offset()).isEqualTo(7);
    assertThat(scanner.key()).isEqualTo("a".getBytes());
    assertThat(scanner.next()).isTrue();
    assertThat(scanner.timestampMs()).isEqualTo(80);
    assertThat(scanner.key()).isNull();
    assertThat(scanner.value()).isEqualTo(filled(100_000));
    assertThat(scanner.next()).isTrue();
    assertThat(scanner.value()).isEmpty();
    assertThat(scanner.next()).isFalse();
    assertThat(scanner.stop()).isEqualTo(SegmentScanner.Stop.END);
  }

  @Test
  void stopsAtARecordCutShort() throws Exception {
    byte[] all = threeRecords();
    SegmentScanner scanner = scannerOver(Arrays.copyOf(all, all.length - 5));

    assertThat(scanner.next()).isTrue();
    assertThat(scanner.next()).isTrue();
    long lastGood = scanner.nextPosition();
    assertThat(scanner.next()).isFalse();
    assertThat(scanner.stop()).isEqualTo(SegmentScanner.Stop.TORN);
    assertThat(scanner.nextPosition()).isEqualTo(lastGood);
  }

  @Test
  void stopsAtAFlippedBit() throws Exception {
    byte[] all = threeRecords();
    all[60] ^= 1; // inside the second record's value

    SegmentScanner scanner = scannerOver(all);

    assertThat(scanner.next()).isTrue();
    assertThat(scanner.next()).isFalse();
    assertThat(scanner.stop()).isEqualTo(SegmentScanner.Stop.CORRUPT);
    assertThat(scanner.problem()).contains("CRC");
  }

  @Test
  void stopsAtAnImpossibleLengthWithoutAllocatingIt() throws Exception {
    byte[] all = threeRecords();
    byte[] withGarbage = Arrays.copyOf(all, all.length + 8);
    ByteBuffer.wrap(withGarbage).putInt(all.length, Integer.MAX_VALUE - 100);

    SegmentScanner scanner = scannerOver(withGarbage);
    while (scanner.next()) {
      // skip the valid ones
    }

    assertThat(scanner.stop()).isIn(SegmentScanner.Stop.TORN, SegmentScanner.Stop.CORRUPT);
    assertThat(scanner.nextPosition()).isEqualTo(all.length);
  }
}

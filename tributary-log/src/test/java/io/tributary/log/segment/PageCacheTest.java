package io.tributary.log.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Page-cache residency is read with util-linux's {@code fincore} (mincore(2)), so these tests see
 * what the kernel really holds.
 */
class PageCacheTest {
  private static final int MIB = 1 << 20;

  @TempDir Path dir;

  @BeforeEach
  void linuxWithJava22() {
    assumeTrue(
        System.getProperty("os.name").startsWith("Linux") && Runtime.version().feature() >= 22,
        "posix_fadvise through the foreign function API needs Linux and Java 22+");
  }

  @Test
  void isSupportedOnLinuxWithJava22() {
    assertThat(PageCache.system().supported()).isTrue();
  }

  @Test
  void dropsTheDurablePagesOfAFileAndOnlyThose() throws Exception {
    Path file = dir.resolve("data");
    writeAndForce(file, 16 * MIB);
    assertThat(resident(file)).isEqualTo(16L * MIB);

    assertThat(PageCache.system().drop(file, 12L * MIB)).isTrue();

    assertThat(resident(file)).isEqualTo(4L * MIB);
    assertThat(Files.readAllBytes(file)).hasSize(16 * MIB).containsOnly((byte) 7);
  }

  @Test
  void dropsAWholeFileWithAnEndOfZero() throws Exception {
    Path file = dir.resolve("data");
    writeAndForce(file, 3 * MIB);

    assertThat(PageCache.system().drop(file, 0)).isTrue();

    assertThat(resident(file)).isZero();
  }

  @Test
  void aFileThatCannotBeOpenedIsLeftAlone() {
    assertThat(PageCache.system().drop(dir.resolve("missing"), MIB)).isFalse();
  }

  @Test
  void aSegmentDropsWhatIsDurableOnlyOnceAMegabyteMoreIsWritten() throws Exception {
    byte[] value = new byte[200 * 1024];
    RecordBytes record = new RecordBytes().set(null, value);
    ByteBuffer buffer = ByteBuffer.allocate(512 * 1024);
    CRC32C crc = new CRC32C();
    try (SegmentAppender segment = SegmentAppender.create(dir, 0, 4096)) {
      for (int i = 0; i < 30; i++) { // ~6 MiB: 2 MiB past the cached 4
        segment.append(buffer, crc, i, record, record.recordSize());
      }
      segment.sync(buffer);
      long afterFirst = resident(segment.logFile());
      segment.append(buffer, crc, 30, record, record.recordSize()); // 200 KiB more: under a step
      segment.sync(buffer);

      // the newest 4 MiB stay, and a large page the kernel keeps where the dropped range ends
      assertThat(afterFirst)
          .isGreaterThanOrEqualTo(SegmentAppender.CACHED_BYTES - 4096)
          .isLessThanOrEqualTo(SegmentAppender.CACHED_BYTES + SegmentAppender.DROP_STEP_BYTES);
      assertThat(resident(segment.logFile())).isGreaterThan(afterFirst);
    }
  }

  @Test
  void aClosedSegmentIsDroppedWhole() throws Exception {
    RecordBytes record = new RecordBytes().set(null, new byte[64 * 1024]);
    ByteBuffer buffer = ByteBuffer.allocate(512 * 1024);
    try (SegmentAppender segment = SegmentAppender.create(dir, 0, 4096)) {
      for (int i = 0; i < 32; i++) {
        segment.append(buffer, new CRC32C(), i, record, record.recordSize());
      }
      segment.sync(buffer);
      assertThat(resident(segment.logFile())).isPositive();

      segment.dropCached();

      assertThat(resident(segment.logFile())).isZero();
    }
  }

  @Test
  void aSegmentKeepsOnlyItsNewestBytesCachedOnceDurable() throws Exception {
    byte[] value = new byte[64 * 1024];
    Arrays.fill(value, (byte) 'v');
    RecordBytes record = new RecordBytes().set("k".getBytes(StandardCharsets.UTF_8), value);
    ByteBuffer buffer = ByteBuffer.allocate(512 * 1024);
    CRC32C crc = new CRC32C();
    try (SegmentAppender segment = SegmentAppender.create(dir, 0, 4096)) {
      for (int i = 0; i < 400; i++) { // ~25 MiB
        segment.append(buffer, crc, i, record, record.recordSize());
      }
      assertThat(resident(segment.logFile())).isGreaterThan(20L * MIB);

      segment.sync(buffer);

      assertThat(resident(segment.logFile()))
          .isLessThanOrEqualTo(SegmentAppender.CACHED_BYTES + SegmentAppender.DROP_STEP_BYTES)
          .isGreaterThanOrEqualTo(SegmentAppender.CACHED_BYTES - 4096);
    }
  }

  private static void writeAndForce(Path file, int bytes) throws IOException {
    byte[] chunk = new byte[MIB];
    Arrays.fill(chunk, (byte) 7);
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      for (int written = 0; written < bytes; written += chunk.length) {
        ch.write(ByteBuffer.wrap(chunk));
      }
      ch.force(false);
    }
  }

  /** Bytes of {@code file} in the page cache, by {@code fincore}. */
  private static long resident(Path file) throws Exception {
    Process p =
        new ProcessBuilder("fincore", "--bytes", "--noheadings", "--output", "RES", file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("fincore: %s", out).isZero();
    return Long.parseLong(out);
  }
}

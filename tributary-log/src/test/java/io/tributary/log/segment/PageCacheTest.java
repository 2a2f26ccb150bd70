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

    try (PageCache.File cached = PageCache.system().open(file)) {
      assertThat(cached.dropBefore(12L * MIB)).isTrue();
      assertThat(cached.droppedTo()).isEqualTo(12L * MIB);
    }

    assertThat(resident(file)).isEqualTo(4L * MIB);
    assertThat(Files.readAllBytes(file)).hasSize(16 * MIB).containsOnly((byte) 7);
  }

  @Test
  void dropsEachRangeOnce() throws Exception {
    Path file = dir.resolve("data");
    writeAndForce(file, 2 * MIB);

    try (PageCache.File cached = PageCache.system().open(file)) {
      assertThat(cached.dropBefore(MIB)).isTrue();
      assertThat(cached.dropBefore(MIB)).isFalse();
      assertThat(cached.dropBefore(MIB / 2)).isFalse();
      assertThat(cached.droppedTo()).isEqualTo(MIB);
    }
  }

  @Test
  void dropsAWholeFile() throws Exception {
    Path file = dir.resolve("data");
    writeAndForce(file, 3 * MIB);

    try (PageCache.File cached = PageCache.system().open(file)) {
      assertThat(cached.dropBefore(MIB)).isTrue();
      assertThat(cached.dropAll()).isTrue();
      assertThat(cached.dropBefore(2 * MIB)).isFalse();
    }

    assertThat(resident(file)).isZero();
  }

  @Test
  void aFileThatCannotBeOpenedIsLeftAlone() {
    try (PageCache.File cached = PageCache.system().open(dir.resolve("missing"))) {
      assertThat(cached.dropBefore(MIB)).isFalse();
      assertThat(cached.dropAll()).isFalse();
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

package io.tributary.log;

import static io.tributary.log.Fixtures.append;
import static io.tributary.log.Fixtures.expected;
import static io.tributary.log.Fixtures.readAll;
import static io.tributary.log.Fixtures.segments;
import static io.tributary.log.Fixtures.smallSegments;
import static io.tributary.log.Fixtures.streamDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.log.segment.SegmentFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReaderTest {
  private static final String ORDERS = "shop.public.orders";

  @TempDir Path dir;

  @BeforeEach
  void writeThousandRecords() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      append(writer, ORDERS, 0, 1000);
      writer.commit("p");
    }
  }

  @Test
  void aReadOfLargeRecordsStopsAtAboutEightMegabytesAndTheNextGoesOn() throws Exception {
    String docs = "shop.public.docs";
    byte[] doc = new byte[3 << 20];
    try (LogWriter writer = LogWriter.open(dir, LogSettings.defaults())) {
      for (int i = 0; i < 5; i++) {
        doc[0] = (byte) i;
        writer.append(docs, i, null, doc);
      }
      writer.commit("d");
    }
    try (LogReader reader = LogReader.open(dir)) {
      ReadResult first = reader.read(docs, 0, 1000);
      ReadResult second = reader.read(docs, first.nextOffset(), 1000);

      assertThat(first.records()).hasSize(3); // 9 MiB: past 8 after the third
      assertThat(second.records()).hasSize(2);
      assertThat(second.records().getFirst().value()[0]).isEqualTo((byte) 3);
      assertThat(second.caughtUp()).isTrue();
    }
  }

  @Test
  void aRecordLargerThanAReadIsStillReadAlone() throws Exception {
    String docs = "shop.public.huge";
    try (LogWriter writer = LogWriter.open(dir, LogSettings.defaults())) {
      writer.append(docs, 0, null, new byte[9 << 20]);
      writer.append(docs, 1, null, new byte[1]);
      writer.commit("h");
    }
    try (LogReader reader = LogReader.open(dir)) {
      assertThat(reader.read(docs, 0, 10).records()).hasSize(1);
      assertThat(reader.read(docs, 1, 10).records()).hasSize(1);
    }
  }

  @Test
  void seesAStreamThatGotItsFirstRecordsAfterTheReaderLookedAtIt() throws Exception {
    String later = "shop.public.later";
    try (LogReader reader = LogReader.open(dir)) {
      assertThat(reader.read(later, 0, 10).records()).isEmpty();
      try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
        append(writer, later, 0, 5);
        writer.commit("q");
      }
      ReadResult result = reader.read(later, 0, 10);
      assertThat(result.records()).hasSize(5);
      assertThat(result.records().getFirst()).isEqualTo(expected(later, 0, 1000));
    }
  }

  @Test
  void forEachHandsOverEveryCommittedRecordAcrossSegmentsInOrder() throws Exception {
    List<LogRecord> seen = new ArrayList<>();
    try (LogReader reader = LogReader.open(dir)) {
      reader.forEach(ORDERS, seen::add);
      reader.forEach("no.such.stream", seen::add);
    }
    assertThat(segments(dir, ORDERS).length).isGreaterThan(1);
    assertThat(seen).hasSize(1000);
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.get(i)).isEqualTo(expected(ORDERS, i, 1000 + i));
    }
  }

  @Test
  void readsFromAnyOffset() throws Exception {
    long[] bases = segments(dir, ORDERS);
    long middle = (bases[3] + bases[4]) / 2;
    try (LogReader reader = LogReader.open(dir)) {
      for (long from : new long[] {0, 1, bases[3], middle, bases[4] - 1, 998, 999, 500, 2}) {
        ReadResult result = reader.read(ORDERS, from, 3);
        assertThat(result.records().getFirst()).isEqualTo(expected(ORDERS, from, 1000 + from));
        assertThat(result.records()).hasSize((int) Math.min(3, 1000 - from));
        assertThat(result.nextOffset()).isEqualTo(Math.min(from + 3, 1000));
      }
    }
  }

  @Test
  void findsAnOffsetThroughTheIndexWithoutScanningTheSegmentStart() throws Exception {
    long[] bases = segments(dir, ORDERS);
    Path segment = SegmentFiles.log(streamDir(dir, ORDERS), bases[2]);
    long target = bases[3] - 1; // the last record of segment 2, well past its first index entry
    // Damage the segment's first record: only a reader that jumps via the index gets past it.
    Fixtures.flipByte(segment, 20);

    try (LogReader reader = LogReader.open(dir)) {
      assertThat(reader.read(ORDERS, target, 1).records())
          .containsExactly(expected(ORDERS, target, 1000 + target));
      assertThatThrownBy(() -> reader.read(ORDERS, bases[2], 1))
          .isInstanceOf(CorruptLogException.class)
          .hasMessageContaining(segment.toString());
    }
  }

  @Test
  void readsFromAnyOffsetWithTheIndexFilesDeleted() throws Exception {
    for (long base : segments(dir, ORDERS)) {
      Files.delete(SegmentFiles.index(streamDir(dir, ORDERS), base));
    }
    try (LogReader reader = LogReader.open(dir)) {
      for (long from : new long[] {999, 0, 517, 3}) {
        assertThat(reader.read(ORDERS, from, 1).records())
            .containsExactly(expected(ORDERS, from, 1000 + from));
      }
    }
  }

  @Test
  void readsFromAnyOffsetWithGarbledIndexFiles() throws Exception {
    long seed = 1;
    for (long base : segments(dir, ORDERS)) {
      Files.write(SegmentFiles.index(streamDir(dir, ORDERS), base), Fixtures.garbage(64, seed++));
    }
    try (LogReader reader = LogReader.open(dir)) {
      for (long from : new long[] {999, 0, 517, 3}) {
        assertThat(reader.read(ORDERS, from, 2).records().getFirst())
            .isEqualTo(expected(ORDERS, from, 1000 + from));
      }
      assertThat(readAll(reader, ORDERS, 0)).hasSize(1000);
    }
  }

  @Test
  void writerRebuildsMissingIndexesOnOpen() throws Exception {
    long[] bases = segments(dir, ORDERS);
    Path index = SegmentFiles.index(streamDir(dir, ORDERS), bases[1]);
    long size = Files.size(index);
    assertThat(size).isPositive();
    Files.delete(index);

    LogWriter.open(dir, smallSegments()).close();

    assertThat(index).exists().hasSize(size);
  }

  @Test
  void neverSeesUncommittedRecords() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, smallSegments());
        LogReader reader = LogReader.open(dir)) {
      byte[] bulky = new byte[100_000];
      for (int i = 0; i < 20; i++) {
        writer.append(ORDERS, 5, null, bulky); // 2 MB: well beyond the write buffer, so on disk
      }
      writer.append("shop.public.new_stream", 5, null, bulky);
      long onDisk = 0;
      for (long base : segments(dir, ORDERS)) {
        onDisk += Files.size(SegmentFiles.log(streamDir(dir, ORDERS), base));
      }
      assertThat(onDisk).isGreaterThan(1_000_000);

      ReadResult result = reader.read(ORDERS, 990, 100);
      assertThat(result.records())
          .extracting(LogRecord::offset)
          .containsExactly(990L, 991L, 992L, 993L, 994L, 995L, 996L, 997L, 998L, 999L);
      assertThat(result.endOffset()).isEqualTo(1000);
      assertThat(reader.read(ORDERS, 1000, 100).records()).isEmpty();
      assertThat(reader.streams()).containsExactly(ORDERS);

      writer.commit("q");
      assertThat(reader.read(ORDERS, 1000, 100).records()).hasSize(20);
      assertThat(reader.streams()).containsExactly("shop.public.new_stream", ORDERS);
    }
  }

  @Test
  void pollWaitsForTheNextCommit() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, smallSegments());
        LogReader reader = LogReader.open(dir)) {
      CompletableFuture<ReadResult> polled =
          CompletableFuture.supplyAsync(
              () -> {
                try (LogReader follower = LogReader.open(dir)) {
                  return follower.poll(ORDERS, 1000, 10, Duration.ofSeconds(20));
                } catch (Exception e) {
                  throw new RuntimeException(e);
                }
              });
      Thread.sleep(100);
      assertThat(polled).isNotDone();

      append(writer, ORDERS, 1000, 1003);
      writer.commit("later");

      assertThat(polled.get(10, TimeUnit.SECONDS).records())
          .containsExactly(
              expected(ORDERS, 1000, 2000),
              expected(ORDERS, 1001, 2001),
              expected(ORDERS, 1002, 2002));
      long start = System.nanoTime();
      assertThat(reader.poll(ORDERS, 1003, 10, Duration.ofMillis(150)).records()).isEmpty();
      assertThat(System.nanoTime() - start)
          .isGreaterThanOrEqualTo(Duration.ofMillis(150).toNanos());
    }
  }

  @Test
  void followsTheLogThroughCheckpointCompactions() throws Exception {
    LogSettings compactOften = smallSegments().withCheckpointCompactBytes(300);
    try (LogWriter writer = LogWriter.open(dir, compactOften);
        LogReader reader = LogReader.open(dir)) {
      long next = 0;
      for (int commit = 0; commit < 200; commit++) {
        append(writer, ORDERS, 1000 + commit, 1001 + commit);
        writer.commit("c" + commit);
        ReadResult result = reader.read(ORDERS, next, 1000);
        next = result.nextOffset();
        assertThat(result.endOffset()).isEqualTo(1001 + commit);
        assertThat(reader.committedPosition()).contains("c" + commit);
      }
      assertThat(next).isEqualTo(1200);
      assertThat(Files.size(dir.resolve("checkpoints"))).isLessThan(1000);
    }
  }

  @Test
  void reportsUnknownStreamsAsEmpty() throws Exception {
    try (LogReader reader = LogReader.open(dir)) {
      ReadResult result = reader.read("no.such.stream", 0, 10);
      assertThat(result.records()).isEmpty();
      assertThat(result.endOffset()).isZero();
      assertThat(reader.endOffset(ORDERS)).isEqualTo(1000);
      assertThat(reader.earliestOffset(ORDERS)).isZero();
    }
  }

  @Test
  void readsNothingFromADirectoryWithoutALog() throws Exception {
    try (LogReader reader = LogReader.open(dir.resolve("not-yet"))) {
      assertThat(reader.streams()).isEmpty();
      assertThat(reader.committedPosition()).isEmpty();
      assertThat(reader.read(ORDERS, 0, 5).records()).isEmpty();
    }
  }
}

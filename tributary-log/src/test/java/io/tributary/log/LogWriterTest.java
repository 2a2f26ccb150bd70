package io.tributary.log;

import static io.tributary.log.Fixtures.append;
import static io.tributary.log.Fixtures.expected;
import static io.tributary.log.Fixtures.readAll;
import static io.tributary.log.Fixtures.segments;
import static io.tributary.log.Fixtures.smallSegments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogWriterTest {
  private static final String ORDERS = "shop.public.orders";

  @TempDir Path dir;

  @Test
  void readsBackEveryRecordAcrossSegmentRolls() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      for (int batch = 0; batch < 10; batch++) {
        append(writer, ORDERS, batch * 50L, batch * 50L + 50);
        writer.commit("pos-" + batch);
      }
    }

    assertThat(segments(dir, ORDERS)).hasSizeGreaterThan(10);
    try (LogReader reader = LogReader.open(dir)) {
      assertThat(readAll(reader, ORDERS, 0))
          .containsExactlyElementsOf(
              LongStream.range(0, 500).mapToObj(i -> expected(ORDERS, i, 1000 + i)).toList());
    }
  }

  @Test
  void namesSegmentsByTheirBaseOffset() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      append(writer, ORDERS, 0, 100);
      writer.commit("p");
    }

    long[] bases = segments(dir, ORDERS);
    assertThat(bases[0]).isZero();
    assertThat(Fixtures.streamDir(dir, ORDERS).resolve("00000000000000000000.log")).exists();
    try (LogReader reader = LogReader.open(dir)) {
      for (long base : bases) {
        assertThat(reader.read(ORDERS, base, 1).records().getFirst().offset()).isEqualTo(base);
      }
    }
  }

  @Test
  void keepsStreamsApartAndContinuesOffsetsAfterReopen() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      append(writer, ORDERS, 0, 30);
      append(writer, "shop.public.customers", 0, 5);
      writer.commit("one");
    }
    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      assertThat(writer.committedPosition()).contains("one");
      assertThat(writer.streams()).containsExactly("shop.public.customers", ORDERS);
      append(writer, ORDERS, 30, 40);
      writer.commit("two");
      assertThat(writer.endOffset(ORDERS)).isEqualTo(40);
      assertThat(writer.endOffset("shop.public.customers")).isEqualTo(5);
    }
    try (LogReader reader = LogReader.open(dir)) {
      assertThat(readAll(reader, ORDERS, 0))
          .hasSize(40)
          .last()
          .isEqualTo(expected(ORDERS, 39, 1039));
      assertThat(readAll(reader, "shop.public.customers", 0)).hasSize(5);
    }
  }

  @Test
  void mapsAnyStreamNameToItsOwnSafeDirectory() throws Exception {
    String odd = "../weird/schema.\"Order Items\"é";
    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      append(writer, odd, 0, 3);
      writer.commit("p");
    }

    try (var entries = Files.list(dir.resolve("streams"))) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactly("%2E.%2Fweird%2Fschema.%22Order%20Items%22%C3%A9");
    }
    try (LogReader reader = LogReader.open(dir)) {
      assertThat(reader.streams()).containsExactly(odd);
      assertThat(readAll(reader, odd, 0)).hasSize(3);
    }
  }

  @Test
  void writesTheCheckpointAloneWhenOnlyThePositionMoves() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      append(writer, ORDERS, 0, 3);
      writer.commit("a");
      long size = Files.size(dir.resolve("checkpoints"));

      writer.commit("a");
      assertThat(Files.size(dir.resolve("checkpoints"))).isEqualTo(size);

      writer.commit("b");
      assertThat(Files.size(dir.resolve("checkpoints"))).isGreaterThan(size);
      assertThat(writer.committedPosition()).contains("b");
      assertThat(writer.endOffset(ORDERS)).isEqualTo(3);
    }
    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      assertThat(writer.committedPosition()).contains("b");
    }
  }

  @Test
  void storesRecordsLargerThanTheWriteBufferAndTheSegmentSize() throws Exception {
    byte[] big = Fixtures.garbage(3 * 1024 * 1024, 7);
    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      writer.append(ORDERS, 1, null, new byte[0]);
      writer.append(ORDERS, 2, "k".getBytes(), big);
      writer.append(ORDERS, 3, null, null);
      writer.commit("p");
    }

    try (LogReader reader = LogReader.open(dir)) {
      assertThat(readAll(reader, ORDERS, 0))
          .containsExactly(
              new LogRecord(0, 1, null, new byte[0]),
              new LogRecord(1, 2, "k".getBytes(), big),
              new LogRecord(2, 3, null, null));
    }
  }

  @Test
  void preventsASecondWriterOnTheSameDirectory() throws Exception {
    try (LogWriter first = LogWriter.open(dir, smallSegments())) {
      assertThatThrownBy(() -> LogWriter.open(dir, smallSegments()))
          .isInstanceOf(LogLockedException.class)
          .hasMessage("another tributary process is writing to " + dir + "; stop it first");
      append(first, ORDERS, 0, 1);
      first.commit("still works");
    }
    try (LogWriter second = LogWriter.open(dir, smallSegments())) {
      assertThat(second.committedPosition()).contains("still works");
    }
  }

  @Test
  void refusesUseAfterClose() throws Exception {
    LogWriter writer = LogWriter.open(dir, smallSegments());
    writer.close();

    assertThatThrownBy(() -> writer.append(ORDERS, 0, null, new byte[1]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    try (LogWriter other = LogWriter.open(dir, smallSegments())) {
      assertThat(other.streams()).isEmpty();
    }
  }

  @Test
  void rejectsAnEmptyStreamName() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      assertThatThrownBy(() -> writer.append("", 0, null, new byte[1]))
          .isInstanceOf(IllegalArgumentException.class);
      append(writer, ORDERS, 0, 1);
      writer.commit("p");
      assertThat(writer.endOffset(ORDERS)).isEqualTo(1);
    }
  }
}

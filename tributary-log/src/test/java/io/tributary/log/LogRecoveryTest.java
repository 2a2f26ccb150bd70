package io.tributary.log;

import static io.tributary.log.Fixtures.append;
import static io.tributary.log.Fixtures.expected;
import static io.tributary.log.Fixtures.lastSegment;
import static io.tributary.log.Fixtures.readAll;
import static io.tributary.log.Fixtures.segments;
import static io.tributary.log.Fixtures.smallSegments;
import static io.tributary.log.Fixtures.streamDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reopening after a crash leaves exactly what the last valid checkpoint describes. */
class LogRecoveryTest {
  private static final String ORDERS = "shop.public.orders";
  private static final String ITEMS = "shop.public.order_items";

  @TempDir Path dir;

  /**
   * Commits 100 orders, then appends 400 more without committing, as a crash would leave them: with
   * small segments most of them are on disk, in segments rolled past the committed end.
   */
  private void commitHundredThenCrashWithUncommittedAppends() throws Exception {
    LogWriter writer = LogWriter.open(dir, smallSegments());
    append(writer, ORDERS, 0, 100);
    writer.commit("committed");
    append(writer, ORDERS, 100, 500);
    writer.close();
  }

  private void assertHoldsExactlyTheFirstHundred() throws Exception {
    try (LogReader reader = LogReader.open(dir)) {
      assertThat(reader.committedPosition()).contains("committed");
      assertThat(readAll(reader, ORDERS, 0))
          .containsExactlyElementsOf(
              LongStream.range(0, 100).mapToObj(i -> expected(ORDERS, i, 1000 + i)).toList());
    }
  }

  @Test
  void dropsUncommittedAppendsOnReopen() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      append(writer, ORDERS, 0, 100);
      writer.commit("committed");
      append(writer, ORDERS, 100, 500);
      append(writer, ITEMS, 0, 50);
      // Rolling segments writes the uncommitted records to disk.
      assertThat(segments(dir, ORDERS)).hasSizeGreaterThan(10);
    }

    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      assertThat(writer.committedPosition()).contains("committed");
      assertThat(writer.endOffset(ORDERS)).isEqualTo(100);
      assertThat(writer.streams()).containsExactly(ORDERS);
      assertThat(streamDir(dir, ITEMS)).doesNotExist();
      assertThat(writer.append(ORDERS, 1100, Fixtures.key(100), Fixtures.value(ORDERS, 100)))
          .isEqualTo(100);
      writer.commit("again");
    }
    try (LogReader reader = LogReader.open(dir)) {
      assertThat(readAll(reader, ORDERS, 0))
          .hasSize(101)
          .last()
          .isEqualTo(expected(ORDERS, 100, 1100));
    }
  }

  @Test
  void deletesSegmentsEntirelyBeyondTheCheckpoint() throws Exception {
    commitHundredThenCrashWithUncommittedAppends();
    long[] before = segments(dir, ORDERS);

    LogWriter.open(dir, smallSegments()).close();

    long[] after = segments(dir, ORDERS);
    assertThat(after.length).isLessThan(before.length);
    assertThat(after[after.length - 1]).isLessThan(100);
    assertHoldsExactlyTheFirstHundred();
  }

  @Test
  void recoversToLastCheckpointAfterTornTail() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, LogSettings.defaults())) {
      append(writer, ORDERS, 0, 100);
      writer.commit("committed");
    }
    Path segment = lastSegment(dir, ORDERS);
    long committedSize = Files.size(segment);
    // A record that was being written when the process died: length and CRC but not all of it.
    byte[] partial = new byte[40];
    java.nio.ByteBuffer.wrap(partial).putInt(200).putInt(0x1234).putLong(100);
    Fixtures.appendBytes(segment, partial);

    try (LogWriter writer = LogWriter.open(dir, LogSettings.defaults())) {
      assertThat(segment).hasSize(committedSize);
      append(writer, ORDERS, 100, 110);
      writer.commit("more");
    }
    try (LogReader reader = LogReader.open(dir)) {
      assertThat(readAll(reader, ORDERS, 0))
          .hasSize(110)
          .last()
          .isEqualTo(expected(ORDERS, 109, 1109));
    }
  }

  @Test
  void recoversToLastCheckpointAfterGarbageAppended() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, LogSettings.defaults())) {
      append(writer, ORDERS, 0, 100);
      writer.commit("committed");
    }
    Path segment = lastSegment(dir, ORDERS);
    long committedSize = Files.size(segment);
    Fixtures.appendBytes(segment, Fixtures.garbage(5000, 42));

    LogWriter.open(dir, LogSettings.defaults()).close();

    assertThat(segment).hasSize(committedSize);
    assertHoldsExactlyTheFirstHundred();
  }

  @Test
  void recoversToLastCheckpointWhenAnUncommittedRecordIsCutMidway() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, LogSettings.defaults())) {
      append(writer, ORDERS, 0, 100);
      writer.commit("committed");
      writer.append(ORDERS, 0, null, new byte[600_000]); // beyond the write buffer: on disk
    }
    Path segment = lastSegment(dir, ORDERS);
    Fixtures.truncate(segment, Files.size(segment) - 300_000);

    LogWriter.open(dir, LogSettings.defaults()).close();

    assertHoldsExactlyTheFirstHundred();
  }

  @Test
  void refusesToOpenWhenCommittedRecordsAreMissing() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, LogSettings.defaults())) {
      append(writer, ORDERS, 0, 100);
      writer.commit("committed");
    }
    Path segment = lastSegment(dir, ORDERS);
    Fixtures.truncate(segment, Files.size(segment) - 10);

    assertThatThrownBy(() -> LogWriter.open(dir, LogSettings.defaults()))
        .isInstanceOf(CorruptLogException.class)
        .hasMessageContaining(segment.toString())
        .hasMessageContaining("committed end is 100");
    assertThat(segment).exists();
  }

  @Test
  void usesThePreviousCheckpointWhenTheLastFailsItsCrc() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      append(writer, ORDERS, 0, 100);
      writer.commit("committed");
      append(writer, ORDERS, 100, 150);
      writer.commit("lost");
    }
    Path checkpoints = dir.resolve("checkpoints");
    Fixtures.flipByte(checkpoints, Files.size(checkpoints) - 3);

    try (LogReader reader = LogReader.open(dir)) {
      assertThat(reader.committedPosition()).contains("committed");
      assertThat(reader.endOffset(ORDERS)).isEqualTo(100);
    }
    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      assertThat(writer.committedPosition()).contains("committed");
      assertThat(writer.endOffset(ORDERS)).isEqualTo(100);
    }
    assertHoldsExactlyTheFirstHundred();
  }

  @Test
  void ignoresATornCheckpointAndKeepsCommittingVisibly() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      append(writer, ORDERS, 0, 100);
      writer.commit("committed");
    }
    Fixtures.appendBytes(dir.resolve("checkpoints"), new byte[] {0, 0, 1, 0, 7, 7});

    try (LogWriter writer = LogWriter.open(dir, smallSegments());
        LogReader reader = LogReader.open(dir)) {
      assertThat(writer.committedPosition()).contains("committed");
      append(writer, ORDERS, 100, 101);
      writer.commit("after the torn one");
      // The torn record must not hide later commits from readers.
      assertThat(reader.committedPosition()).contains("after the torn one");
      assertThat(reader.endOffset(ORDERS)).isEqualTo(101);
    }
  }

  @Test
  void startsEmptyWhenNothingWasEverCommitted() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      append(writer, ORDERS, 0, 300);
    }

    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      assertThat(writer.committedPosition()).isEmpty();
      assertThat(writer.streams()).isEmpty();
      assertThat(streamDir(dir, ORDERS)).doesNotExist();
      assertThat(writer.append(ORDERS, 0, null, new byte[1])).isZero();
    }
  }

  @Test
  void refusesToGuessWhenTheCheckpointFileIsMissing() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, smallSegments())) {
      append(writer, ORDERS, 0, 10);
      writer.commit("committed");
    }
    Files.delete(dir.resolve("checkpoints"));

    assertThatThrownBy(() -> LogWriter.open(dir, smallSegments()))
        .isInstanceOf(CorruptLogException.class)
        .hasMessageContaining("checkpoints is missing");
    assertThat(segments(dir, ORDERS)).isNotEmpty();
  }

  @Test
  void survivesRepeatedCrashesWithoutLosingCommittedRecords() throws Exception {
    long committed = 0;
    for (int round = 0; round < 5; round++) {
      LogWriter writer = LogWriter.open(dir, smallSegments());
      assertThat(writer.endOffset(ORDERS)).isEqualTo(committed);
      append(writer, ORDERS, committed, committed + 70);
      writer.commit("round " + round);
      committed += 70;
      append(writer, ORDERS, committed, committed + 33);
      writer.close(); // the 33 are never committed
    }
    try (LogReader reader = LogReader.open(dir)) {
      assertThat(readAll(reader, ORDERS, 0))
          .containsExactlyElementsOf(
              LongStream.range(0, committed).mapToObj(i -> expected(ORDERS, i, 1000 + i)).toList());
    }
  }
}

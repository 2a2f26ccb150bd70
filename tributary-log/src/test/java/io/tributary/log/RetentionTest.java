package io.tributary.log;

import static io.tributary.log.Fixtures.append;
import static io.tributary.log.Fixtures.expected;
import static io.tributary.log.Fixtures.readAll;
import static io.tributary.log.Fixtures.segments;
import static io.tributary.log.Fixtures.streamDir;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.log.segment.SegmentFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
  private static final String ORDERS = "shop.public.orders";

  @TempDir Path dir;
  private final FakeClock clock = new FakeClock(Instant.parse("2025-01-01T00:00:00Z"));

  private LogSettings settings(Retention retention) {
    return Fixtures.smallSegments().withRetention(retention).withClock(clock);
  }

  private long streamBytes() throws IOException {
    long total = 0;
    for (long base : segments(dir, ORDERS)) {
      total += Files.size(SegmentFiles.log(streamDir(dir, ORDERS), base));
    }
    return total;
  }

  @Test
  void keepsEverythingByDefault() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, Fixtures.smallSegments().withClock(clock))) {
      append(writer, ORDERS, 0, 500);
      writer.commit("p");
      clock.advance(Duration.ofDays(3650));
      assertThat(writer.enforceRetention()).isZero();
    }
    assertThat(segments(dir, ORDERS)[0]).isZero();
  }

  @Test
  void deletesOldestSegmentsBeyondTheSizeLimit() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, settings(Retention.bySize(10_000)))) {
      append(writer, ORDERS, 0, 500);
      writer.commit("p");
      writer.enforceRetention();

      assertThat(streamBytes()).isLessThanOrEqualTo(10_000).isGreaterThan(10_000 - 2048);
      long earliest = segments(dir, ORDERS)[0];
      assertThat(earliest).isPositive();
      assertThat(writer.startOffset(ORDERS)).isEqualTo(earliest);

      try (LogReader reader = LogReader.open(dir)) {
        assertThat(reader.earliestOffset(ORDERS)).isEqualTo(earliest);
        ReadResult fromZero = reader.read(ORDERS, 0, 5);
        assertThat(fromZero.earliestOffset()).isEqualTo(earliest);
        assertThat(fromZero.records().getFirst())
            .isEqualTo(expected(ORDERS, earliest, 1000 + earliest));
        assertThat(readAll(reader, ORDERS, 0)).hasSize((int) (500 - earliest));
      }
    }
  }

  @Test
  void neverDeletesTheActiveSegment() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, settings(Retention.bySize(0)))) {
      append(writer, ORDERS, 0, 500);
      writer.commit("p");
      writer.enforceRetention();

      long[] left = segments(dir, ORDERS);
      assertThat(left).hasSize(1);
      try (LogReader reader = LogReader.open(dir)) {
        assertThat(readAll(reader, ORDERS, 0))
            .isNotEmpty()
            .last()
            .isEqualTo(expected(ORDERS, 499, 1499));
      }
      append(writer, ORDERS, 500, 501);
      writer.commit("q");
      assertThat(writer.endOffset(ORDERS)).isEqualTo(501);
    }
  }

  @Test
  void deletesSegmentsWhoseLastRecordIsOlderThanTheRetentionTime() throws Exception {
    long now = clock.millis();
    try (LogWriter writer = LogWriter.open(dir, settings(Retention.byAge(Duration.ofDays(7))))) {
      for (long i = 0; i < 300; i++) { // two days old
        writer.append(ORDERS, now - Duration.ofDays(2).toMillis(), null, Fixtures.value(ORDERS, i));
      }
      for (long i = 300; i < 600; i++) { // written now
        writer.append(ORDERS, now, null, Fixtures.value(ORDERS, i));
      }
      writer.commit("p");
      long[] all = segments(dir, ORDERS);

      clock.advance(Duration.ofDays(4)); // the first 300 are 6 days old, the rest 4
      assertThat(writer.enforceRetention()).isZero();

      clock.advance(Duration.ofDays(2)); // the first 300 are 8 days old, the rest 6
      int deleted = writer.enforceRetention();

      long[] left = segments(dir, ORDERS);
      assertThat(deleted).isPositive();
      assertThat(left).hasSize(all.length - deleted);
      assertThat(left[0]).isGreaterThan(0).isLessThanOrEqualTo(300);

      clock.advance(Duration.ofDays(30));
      writer.enforceRetention();
      assertThat(segments(dir, ORDERS)).containsExactly(all[all.length - 1]);
    }
  }

  @Test
  void appliesRetentionAfterCommitsByItself() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, settings(Retention.bySize(4096)))) {
      for (int batch = 0; batch < 20; batch++) {
        append(writer, ORDERS, batch * 25L, batch * 25L + 25);
        writer.commit("p" + batch);
      }
    }
    assertThat(streamBytes()).isLessThanOrEqualTo(4096 + 2048);
    assertThat(segments(dir, ORDERS)[0]).isPositive();
  }

  @Test
  void continuesAfterReopenWhenRetentionRemovedEverythingButTheActiveSegment() throws Exception {
    try (LogWriter writer = LogWriter.open(dir, settings(Retention.bySize(0)))) {
      append(writer, ORDERS, 0, 500);
      writer.commit("p");
      writer.enforceRetention();
    }
    try (LogWriter writer = LogWriter.open(dir, settings(Retention.bySize(0)))) {
      assertThat(writer.endOffset(ORDERS)).isEqualTo(500);
      append(writer, ORDERS, 500, 510);
      writer.commit("q");
    }
    try (LogReader reader = LogReader.open(dir)) {
      assertThat(readAll(reader, ORDERS, 0)).last().isEqualTo(expected(ORDERS, 509, 1509));
    }
  }

  /** A clock the test moves by hand. */
  static final class FakeClock implements InstantSource {
    private Instant now;

    FakeClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

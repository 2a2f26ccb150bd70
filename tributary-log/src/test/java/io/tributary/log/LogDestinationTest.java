package io.tributary.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.Batch;
import io.tributary.api.ChangeEvent;
import io.tributary.api.EncodedBatch;
import io.tributary.api.FatalException;
import io.tributary.api.Op;
import io.tributary.api.RetriableException;
import io.tributary.api.Row;
import io.tributary.api.SourceInfo;
import io.tributary.api.TransactionInfo;
import io.tributary.api.envelope.BatchEncoder;
import io.tributary.api.envelope.EnvelopeWriter;
import io.tributary.api.offset.Lsn;
import io.tributary.api.offset.PostgresOffset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogDestinationTest {
  private static final List<String> COLUMNS = List.of("id", "status", "total");
  private static final PostgresOffset SNAPSHOT =
      PostgresOffset.afterSnapshot(Lsn.parse("0/16B3748"));

  @TempDir Path dir;

  private static ChangeEvent event(String table, Op op, int id, String lsn, long order) {
    Map<String, Object> position = new LinkedHashMap<>();
    position.put("lsn", Lsn.parse(lsn).value());
    position.put("txId", 742L);
    SourceInfo source =
        new SourceInfo(
            "postgresql", "shop", "shop", "public", table, 1_700_000_000_000L, "false", position);
    Row after =
        op == Op.DELETE ? null : Row.of(COLUMNS, id, "paid", new java.math.BigDecimal("12.50"));
    Row before = op == Op.CREATE ? null : Row.of(COLUMNS, id, "new", null);
    return new ChangeEvent(
        "shop.public." + table,
        op,
        Row.of(List.of("id"), id),
        before,
        after,
        source,
        new TransactionInfo("742:" + lsn, order, order),
        1_700_000_000_123L + order,
        lsn + ":" + order);
  }

  @Test
  void writesEnvelopesToTheirStreamsAndResumesFromTheCommittedOffset() throws Exception {
    List<ChangeEvent> first =
        List.of(
            event("orders", Op.CREATE, 1, "0/16B37A0", 1),
            event("order_items", Op.CREATE, 10, "0/16B37A0", 2),
            event("orders", Op.UPDATE, 1, "0/16B37A0", 3));
    List<ChangeEvent> second = List.of(event("orders", Op.DELETE, 1, "0/16B3800", 1));
    PostgresOffset afterFirst = SNAPSHOT.inTransaction(Lsn.parse("0/16B37A0"), 3, true);
    PostgresOffset afterSecond = SNAPSHOT.inTransaction(Lsn.parse("0/16B3800"), 1, true);

    try (LogDestination log = LogDestination.open(dir)) {
      assertThat(log.committedOffset()).isEmpty();
      log.write(List.of(batch(first, afterFirst), batch(second, afterSecond)));
      assertThat(log.committedOffset()).contains(afterSecond);
    }

    try (LogDestination log = LogDestination.open(dir)) {
      assertThat(log.committedOffset()).contains(afterSecond);
    }
    EnvelopeWriter envelopes = new EnvelopeWriter();
    try (LogReader reader = LogReader.open(dir)) {
      assertThat(reader.streams()).containsExactly("shop.public.order_items", "shop.public.orders");
      List<LogRecord> orders = reader.read("shop.public.orders", 0, 10).records();
      assertThat(orders)
          .containsExactly(
              record(0, first.get(0), envelopes),
              record(1, first.get(2), envelopes),
              record(2, second.get(0), envelopes));
      assertThat(new String(orders.get(2).value(), StandardCharsets.UTF_8))
          .startsWith("{\"before\":{\"id\":1,\"status\":\"new\",\"total\":null},\"after\":null,")
          .contains("\"op\":\"d\"");
      assertThat(new String(orders.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
      assertThat(reader.read("shop.public.order_items", 0, 10).records())
          .containsExactly(record(0, first.get(1), envelopes));
    }
  }

  private static LogRecord record(long offset, ChangeEvent event, EnvelopeWriter envelopes) {
    return new LogRecord(offset, event.tsMs(), envelopes.key(event), envelopes.value(event));
  }

  @Test
  void commitsAnOffsetThatMovedWithoutEvents() throws Exception {
    PostgresOffset heartbeat = SNAPSHOT.inTransaction(Lsn.parse("0/20000000"), 0, true);
    try (LogDestination log = LogDestination.open(dir)) {
      log.write(List.of(batch(List.of(event("orders", Op.CREATE, 1, "0/16B37A0", 1)), SNAPSHOT)));
      log.write(List.of(batch(List.of(), heartbeat)));
      log.write(List.of());
    }
    try (LogDestination log = LogDestination.open(dir);
        LogReader reader = LogReader.open(dir)) {
      assertThat(log.committedOffset()).contains(heartbeat);
      assertThat(reader.endOffset("shop.public.orders")).isEqualTo(1);
    }
  }

  @Test
  void dropsEventsOfAWriteThatNeverReturned() throws Exception {
    LogSettings settings = LogSettings.defaults();
    try (LogDestination log = LogDestination.open(dir, settings)) {
      log.write(List.of(batch(List.of(event("orders", Op.CREATE, 1, "0/16B37A0", 1)), SNAPSHOT)));
    }
    // A crash between appending and committing: the writer below appends, then dies.
    try (LogWriter writer = LogWriter.open(dir, settings)) {
      writer.append("shop.public.orders", 0, null, new byte[700_000]);
    }
    try (LogDestination log = LogDestination.open(dir, settings);
        LogReader reader = LogReader.open(dir)) {
      assertThat(log.committedOffset()).contains(SNAPSHOT);
      assertThat(reader.endOffset("shop.public.orders")).isEqualTo(1);
    }
  }

  @Test
  void refusesASecondWriterWithAClearMessage() {
    try (LogDestination first = LogDestination.open(dir)) {
      assertThatThrownBy(() -> LogDestination.open(dir))
          .isInstanceOf(FatalException.class)
          .hasMessage("another tributary process is writing to " + dir + "; stop it first");
      first.write(List.of(batch(List.of(), SNAPSHOT)));
      assertThat(first.committedOffset()).contains(SNAPSHOT);
    }
  }

  @Test
  void reportsAWriteFailureAsRetriableNamingThePath() throws Exception {
    Path blocked = new LogLayout(dir).stream("shop.public.orders");
    try (LogDestination log = LogDestination.open(dir)) {
      Files.writeString(blocked, "a file where the stream's directory belongs");

      assertThatThrownBy(
              () ->
                  log.write(
                      List.of(
                          batch(List.of(event("orders", Op.CREATE, 1, "0/16B37A0", 1)), SNAPSHOT))))
          .isInstanceOf(RetriableException.class)
          .hasMessageStartingWith("cannot write the log at " + dir)
          .hasMessageContaining(blocked.toString());
      assertThat(log.committedOffset()).isEmpty();

      Files.delete(blocked);
      log.write(List.of(batch(List.of(event("orders", Op.CREATE, 1, "0/16B37A0", 1)), SNAPSHOT)));
      assertThat(log.committedOffset()).contains(SNAPSHOT);
    }
  }

  @Test
  void recognisesAFullDisk() {
    var full = new java.io.IOException("No space left on device");
    var wrapped = IoFailures.at(dir.resolve("x.log"), "writing", full);

    assertThat(IoFailures.isDiskFull(wrapped, dir)).isTrue();
    assertThat(IoFailures.isDiskFull(new java.io.IOException("Input/output error"), dir)).isFalse();
    assertThat(wrapped)
        .hasMessage("writing " + dir.resolve("x.log") + " failed: No space left on device");
  }

  private static EncodedBatch batch(
      List<ChangeEvent> events, io.tributary.api.offset.SourceOffset offset) {
    return new BatchEncoder().encode(Batch.of(events, offset));
  }
}

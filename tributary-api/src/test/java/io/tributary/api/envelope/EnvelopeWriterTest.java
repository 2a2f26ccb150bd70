package io.tributary.api.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ChangeEvent;
import io.tributary.api.Op;
import io.tributary.api.Row;
import io.tributary.api.SourceInfo;
import io.tributary.api.TransactionInfo;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeWriterTest {
  private static final List<String> COLUMNS = List.of("id", "name");

  private static ChangeEvent update() {
    Map<String, Object> position = new LinkedHashMap<>();
    position.put("txId", 742L);
    position.put("lsn", 24023128L);
    SourceInfo source =
        new SourceInfo(
            "postgresql", "shop", "shop", "public", "orders", 1700000000000L, "false", position);
    return new ChangeEvent(
        "shop.public.orders",
        Op.UPDATE,
        Row.of(List.of("id"), 1),
        Row.of(COLUMNS, 1, "a"),
        Row.of(COLUMNS, 1, "b"),
        source,
        new TransactionInfo("742:24023128", 2, 1),
        1700000000123L,
        "0/16E9158:2");
  }

  @Test
  void writesTheDebeziumEnvelopeFieldByField() {
    String json = new String(new EnvelopeWriter().value(update()), StandardCharsets.UTF_8);
    assertThat(json)
        .isEqualTo(
            "{\"before\":{\"id\":1,\"name\":\"a\"},\"after\":{\"id\":1,\"name\":\"b\"},"
                + "\"source\":{\"version\":\""
                + EnvelopeWriter.VERSION
                + "\",\"connector\":\"postgresql\",\"name\":\"shop\","
                + "\"db\":\"shop\",\"schema\":\"public\",\"table\":\"orders\",\"ts_ms\":1700000000000,\"snapshot\":\"false\","
                + "\"txId\":742,\"lsn\":24023128},\"op\":\"u\",\"ts_ms\":1700000000123,"
                + "\"transaction\":{\"id\":\"742:24023128\",\"total_order\":2,\"data_collection_order\":1},"
                + "\"idempotency_key\":\"0/16E9158:2\"}");
  }

  @Test
  void writesTheSameBytesForEventsOfDifferentTablesInTurn() {
    EnvelopeWriter w = new EnvelopeWriter();
    ChangeEvent a = update();
    SourceInfo s = a.source();
    ChangeEvent b =
        new ChangeEvent(
            a.stream(),
            a.op(),
            a.key(),
            a.before(),
            a.after(),
            new SourceInfo(
                s.connector(),
                s.name(),
                s.db(),
                "public",
                "customers",
                s.tsMs(),
                "false",
                s.position()),
            a.transaction(),
            a.tsMs(),
            a.idempotencyKey());
    String first = new String(w.value(a), StandardCharsets.UTF_8);
    assertThat(new String(w.value(b), StandardCharsets.UTF_8)).contains("\"table\":\"customers\"");
    assertThat(new String(w.value(a), StandardCharsets.UTF_8)).isEqualTo(first);
  }

  @Test
  void writesTheKeyAsTheKeyColumnsOnly() {
    assertThat(new String(new EnvelopeWriter().key(update()), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":1}");
  }

  @Test
  void writesNullRowsAndNoTransactionForReads() {
    ChangeEvent e = update();
    ChangeEvent read =
        new ChangeEvent(e.stream(), Op.READ, e.key(), null, e.after(), e.source(), null, 1, "k");
    String json = new String(new EnvelopeWriter().value(read), StandardCharsets.UTF_8);
    assertThat(json)
        .startsWith("{\"before\":null,\"after\":{\"id\":1,\"name\":\"b\"}")
        .contains("\"op\":\"r\"")
        .contains("\"transaction\":null");
  }
}

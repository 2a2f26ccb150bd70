package io.tributary.postgres.capture;

import static io.tributary.postgres.capture.CaptureHarness.ops;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.engine.pipeline.PipelineState;
import io.tributary.testkit.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class SnapshotAndStreamingIT {
  private final PostgresServer server = PostgresServer.shared();

  @TempDir Path data;

  private CaptureHarness harness(String prefix) throws Exception {
    String db = server.createUniqueDatabase(prefix);
    return new CaptureHarness(server, db, "shop", data);
  }

  @Test
  void snapshotsExistingRowsThenStreamsEveryChangeInCommitOrder() throws Exception {
    try (CaptureHarness h = harness("orders")) {
      h.sql(
          "CREATE TABLE orders (id serial PRIMARY KEY, customer text NOT NULL, amount numeric(10,2))",
          "INSERT INTO orders (customer, amount) VALUES ('ada', 10.50), ('bob', 20.00)");
      h.set("tables", List.of("public.orders")).start();
      List<JsonNode> snap = h.awaitEvents("public.orders", 2);
      assertThat(ops(snap)).containsExactly("r", "r");
      assertThat(snap.get(0).get("after").get("customer").asText()).isEqualTo("ada");
      assertThat(snap.get(0).get("after").get("amount").asText()).isEqualTo("10.50");
      assertThat(snap.get(0).get("source").get("snapshot").asText()).isEqualTo("true");
      assertThat(snap.get(1).get("source").get("snapshot").asText()).isEqualTo("last");
      assertThat(snap.get(0).get("before").isNull()).isTrue();

      h.sql("INSERT INTO orders (customer, amount) VALUES ('cy', 5)");
      h.sql(
          "BEGIN; UPDATE orders SET amount = 11 WHERE customer = 'ada'; DELETE FROM orders WHERE customer = 'bob';"
              + " COMMIT");
      h.sql("TRUNCATE orders");
      List<JsonNode> all = h.awaitEvents("public.orders", 6);
      assertThat(ops(all)).containsExactly("r", "r", "c", "u", "d", "t");

      JsonNode insert = all.get(2);
      assertThat(insert.get("after").get("id").asInt()).isEqualTo(3);
      assertThat(insert.get("source").get("snapshot").asText()).isEqualTo("false");
      assertThat(insert.get("source").get("table").asText()).isEqualTo("orders");
      assertThat(insert.get("source").get("lsn").asLong()).isPositive();
      assertThat(insert.get("source").get("txId").asLong()).isPositive();

      JsonNode update = all.get(3);
      JsonNode delete = all.get(4);
      assertThat(update.get("after").get("amount").asText()).isEqualTo("11.00");
      assertThat(update.get("transaction").get("id").asText())
          .isEqualTo(delete.get("transaction").get("id").asText());
      assertThat(update.get("transaction").get("total_order").asInt()).isEqualTo(1);
      assertThat(delete.get("transaction").get("total_order").asInt()).isEqualTo(2);
      assertThat(delete.get("before").get("id").asInt()).isEqualTo(2);
      assertThat(delete.get("after").isNull()).isTrue();
      assertThat(all.get(5).get("after").isNull()).isTrue();
      assertThat(all.stream().map(e -> e.get("idempotency_key").asText()).distinct()).hasSize(6);
      assertThat(h.stop()).isEqualTo(PipelineState.STOPPED);
    }
  }

  @Test
  void snapshotAndStreamRenderEveryTypeTheSameWay() throws Exception {
    try (CaptureHarness h = harness("types")) {
      h.sql(
          "CREATE TYPE mood AS ENUM ('sad', 'happy')",
          "CREATE DOMAIN positive AS integer CHECK (VALUE > 0)",
          "CREATE TABLE t (id int PRIMARY KEY, b bool, i2 int2, i8 int8, f4 float4, f8 float8, n numeric,"
              + " nn numeric, t text, vc varchar(10), c char(3), by bytea, j json, jb jsonb, u uuid, d date,"
              + " ts timestamp, tstz timestamptz, tm time, iv interval, ia int[], ta text[], m mood, p positive,"
              + " inf timestamptz, ip inet)");
      String values =
          "true, 32767, 9223372036854775807, 1.5, 'NaN', 12345678901234567890.123456789, 'NaN',"
              + " 'zoë \"q\" \\ tab\t', 'abc', 'ab', '\\x00ff10', '{\"a\": [1, 2]}', '{\"b\": null}',"
              + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '2024-02-29', '2024-01-02 03:04:05.123456',"
              + " '2024-01-02 03:04:05+02', '13:14:15', '1 day 2 hours', '{1,NULL,3}', '{\"a b\",\"c,d\"}', 'happy', 7,"
              + " 'infinity', '10.0.0.1/8'";
      h.sql("INSERT INTO t VALUES (1, " + values + ")");
      h.set("tables", List.of("public.t")).start();
      h.awaitEvents("public.t", 1);
      h.sql("INSERT INTO t VALUES (2, " + values + ")");
      List<JsonNode> events = h.awaitEvents("public.t", 2);
      JsonNode read = events.get(0).get("after");
      JsonNode created = events.get(1).get("after");
      ((com.fasterxml.jackson.databind.node.ObjectNode) read).remove("id");
      ((com.fasterxml.jackson.databind.node.ObjectNode) created).remove("id");
      assertThat(created).isEqualTo(read);
      assertThat(read.get("b").asBoolean()).isTrue();
      assertThat(read.get("i8").asLong()).isEqualTo(Long.MAX_VALUE);
      assertThat(read.get("f8").asText()).isEqualTo("NaN");
      assertThat(read.get("n").asText()).isEqualTo("12345678901234567890.123456789");
      assertThat(read.get("t").asText()).isEqualTo("zoë \"q\" \\ tab\t");
      assertThat(read.get("by").asText()).isEqualTo("AP8Q");
      assertThat(read.get("j").get("a").get(1).asInt()).isEqualTo(2);
      assertThat(read.get("jb").has("b")).isTrue();
      assertThat(read.get("tstz").asText()).isEqualTo("2024-01-02T01:04:05Z");
      assertThat(read.get("ia").toString()).isEqualTo("[1,null,3]");
      assertThat(read.get("ta").get(1).asText()).isEqualTo("c,d");
      assertThat(read.get("m").asText()).isEqualTo("happy");
      assertThat(read.get("p").asInt()).isEqualTo(7);
      assertThat(read.get("inf").asText()).isEqualTo("infinity");
    }
  }

  @Test
  void followsColumnsAddedDroppedAndRenamedMidStream() throws Exception {
    try (CaptureHarness h = harness("ddl")) {
      h.sql("CREATE TABLE items (id int PRIMARY KEY, name text)");
      h.set("tables", List.of("public.items")).startStreaming();
      h.sql("INSERT INTO items VALUES (1, 'a')");
      h.awaitEvents("public.items", 1);
      h.sql("ALTER TABLE items ADD COLUMN price int", "INSERT INTO items VALUES (2, 'b', 3)");
      h.sql(
          "ALTER TABLE items RENAME COLUMN name TO title", "INSERT INTO items VALUES (3, 'c', 4)");
      h.sql("ALTER TABLE items DROP COLUMN price", "INSERT INTO items VALUES (4, 'd')");
      List<JsonNode> e = h.awaitEvents("public.items", 4);
      assertThat(fieldNames(e.get(0))).containsExactly("id", "name");
      assertThat(fieldNames(e.get(1))).containsExactly("id", "name", "price");
      assertThat(e.get(1).get("after").get("price").asInt()).isEqualTo(3);
      assertThat(fieldNames(e.get(2))).containsExactly("id", "title", "price");
      assertThat(fieldNames(e.get(3))).containsExactly("id", "title");
    }
  }

  @Test
  void keepsCapturingATableRenamedWhileCapturedUnderItsNewName() throws Exception {
    try (CaptureHarness h = harness("rename")) {
      h.sql("CREATE TABLE old_name (id int PRIMARY KEY)");
      h.set("tables", List.of("public.old_name")).startStreaming();
      h.sql("INSERT INTO old_name VALUES (1)");
      h.awaitEvents("public.old_name", 1);
      h.sql("ALTER TABLE old_name RENAME TO new_name", "INSERT INTO new_name VALUES (2)");
      List<JsonNode> e = h.awaitEvents("public.new_name", 1);
      assertThat(e.getFirst().get("after").get("id").asInt()).isEqualTo(2);
      assertThat(e.getFirst().get("source").get("table").asText()).isEqualTo("new_name");
    }
  }

  @Test
  void capturesTablesWithoutPrimaryKeyWithTheirFullOldRow() throws Exception {
    try (CaptureHarness h = harness("nopk")) {
      h.sql(
          "CREATE TABLE log_lines (line text, n int)",
          "ALTER TABLE log_lines REPLICA IDENTITY FULL");
      h.set("tables", List.of("public.log_lines")).startStreaming();
      h.sql(
          "INSERT INTO log_lines VALUES ('x', 1)",
          "UPDATE log_lines SET n = 2",
          "DELETE FROM log_lines");
      List<JsonNode> e = h.awaitEvents("public.log_lines", 3);
      assertThat(ops(e)).containsExactly("c", "u", "d");
      assertThat(e.get(1).get("before").get("n").asInt()).isEqualTo(1);
      assertThat(e.get(1).get("after").get("n").asInt()).isEqualTo(2);
      assertThat(e.get(2).get("before").get("line").asText()).isEqualTo("x");
    }
  }

  @Test
  void capturesPartitionedTablesUnderTheRootsName() throws Exception {
    try (CaptureHarness h = harness("parts")) {
      h.sql(
          "CREATE TABLE m (id int, region text, PRIMARY KEY (id, region)) PARTITION BY LIST (region)",
          "CREATE TABLE m_eu PARTITION OF m FOR VALUES IN ('eu')",
          "CREATE TABLE m_us PARTITION OF m FOR VALUES IN ('us')",
          "INSERT INTO m VALUES (1, 'eu'), (2, 'us')");
      h.set("tables", List.of("public.m")).start();
      h.awaitEvents("public.m", 2);
      h.sql("INSERT INTO m VALUES (3, 'us')", "UPDATE m SET id = 10 WHERE id = 1");
      List<JsonNode> e = h.awaitEvents("public.m", 4);
      assertThat(ops(e)).containsExactly("r", "r", "c", "u");
      assertThat(e.stream().map(x -> x.get("source").get("table").asText()).distinct())
          .containsExactly("m");
    }
  }

  @Test
  void marksUnchangedToastedValuesAsUnavailable() throws Exception {
    try (CaptureHarness h = harness("toast")) {
      h.sql(
          "CREATE TABLE docs (id int PRIMARY KEY, body text, v int)",
          "ALTER TABLE docs ALTER COLUMN body SET STORAGE EXTERNAL");
      h.set("tables", List.of("public.docs")).startStreaming();
      h.sql("INSERT INTO docs VALUES (1, repeat('x', 10000), 1)", "UPDATE docs SET v = 2");
      List<JsonNode> e = h.awaitEvents("public.docs", 2);
      assertThat(e.get(0).get("after").get("body").asText()).hasSize(10000);
      assertThat(e.get(1).get("after").get("body").asText())
          .isEqualTo("__tributary_unavailable_value");
      assertThat(e.get(1).get("after").get("v").asInt()).isEqualTo(2);
    }
  }

  @Test
  void splitsALargeTransactionIntoBatchesKeepingItsOrder() throws Exception {
    try (CaptureHarness h = harness("bigtx")) {
      h.sql("CREATE TABLE big (id int PRIMARY KEY)");
      h.set("tables", List.of("public.big")).set("batch_size", 500).startStreaming();
      h.sql("INSERT INTO big SELECT g FROM generate_series(1, 5000) g");
      List<JsonNode> e = h.awaitEvents("public.big", 5000);
      assertThat(e).hasSize(5000);
      for (int i = 0; i < e.size(); i++) {
        assertThat(e.get(i).get("after").get("id").asInt()).isEqualTo(i + 1);
        assertThat(e.get(i).get("transaction").get("total_order").asInt()).isEqualTo(i + 1);
      }
    }
  }

  @Test
  void heartbeatsAdvanceTheSlotWhileCapturedTablesAreIdle() throws Exception {
    try (CaptureHarness h = harness("idle")) {
      h.sql("CREATE TABLE quiet (id int PRIMARY KEY)", "CREATE TABLE busy (id int)");
      h.set("tables", List.of("public.quiet")).set("slot", "idle_slot").startStreaming();
      h.sql("INSERT INTO busy SELECT generate_series(1, 1000)");
      String walAfterWrite = scalar(h, "SELECT pg_current_wal_lsn()::text");
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  "t"
                      .equals(
                          scalar(
                                  h,
                                  "SELECT (confirmed_flush_lsn >= '"
                                      + walAfterWrite
                                      + "')::text FROM pg_replication_slots"
                                      + " WHERE slot_name = 'idle_slot'")
                              .substring(0, 1)));
    }
  }

  @Test
  void snapshotOnlyStopsWhenDoneAndLeavesNoSlot() throws Exception {
    try (CaptureHarness h = harness("once")) {
      h.sql("CREATE TABLE c (id int PRIMARY KEY)", "INSERT INTO c SELECT generate_series(1, 2500)");
      h.set("tables", List.of("public.c"))
          .set("snapshot", "initial_only")
          .set("snapshot_chunk_rows", 100)
          .set("slot", "once_slot")
          .start();
      assertThat(h.awaitEnd(Duration.ofSeconds(60))).isEqualTo(PipelineState.STOPPED);
      List<JsonNode> e = h.events("public.c");
      assertThat(e).hasSize(2500);
      assertThat(e.stream().map(x -> x.get("after").get("id").asInt()).distinct()).hasSize(2500);
      assertThat(
              scalar(
                  h,
                  "SELECT count(*)::text FROM pg_replication_slots WHERE slot_name = 'once_slot'"))
          .isEqualTo("0");
    }
  }

  @Test
  void capturesOverTlsWhenRequired() throws Exception {
    try (CaptureHarness h = harness("tls")) {
      h.sql("CREATE TABLE secret (id int PRIMARY KEY)");
      h.set("tables", List.of("public.secret")).set("sslmode", "require").startStreaming();
      h.sql("INSERT INTO secret VALUES (1)");
      assertThat(h.awaitEvents("public.secret", 1)).hasSize(1);
      assertThat(
              scalar(
                  h,
                  "SELECT count(*)::text FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)"
                      + " WHERE a.application_name LIKE 'tributary-shop-%' AND NOT s.ssl"))
          .isEqualTo("0");
      assertThat(
              scalar(
                  h,
                  "SELECT count(*)::text FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)"
                      + " WHERE a.application_name = 'tributary-shop-replication' AND s.ssl"))
          .isEqualTo("1");
    }
  }

  static List<String> fieldNames(JsonNode event) {
    List<String> names = new java.util.ArrayList<>();
    event.get("after").fieldNames().forEachRemaining(names::add);
    return names;
  }

  static String scalar(CaptureHarness h, String sql) throws Exception {
    try (Connection c = h.server.connect(h.database);
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}

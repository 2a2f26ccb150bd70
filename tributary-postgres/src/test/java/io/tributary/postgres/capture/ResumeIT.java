package io.tributary.postgres.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.engine.pipeline.PipelineState;
import io.tributary.testkit.postgres.PostgresServer;
import io.tributary.testkit.proxy.TcpProxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180)
class ResumeIT {
  private final PostgresServer server = PostgresServer.shared();

  @TempDir Path data;

  @Test
  void resumesAfterARestartWithEveryChangeExactlyOnce() throws Exception {
    String db = server.createUniqueDatabase("restart");
    server.execute(
        db,
        "CREATE TABLE t (id int PRIMARY KEY, v int)",
        "INSERT INTO t SELECT g, 0 FROM generate_series(1, 100) g");
    CaptureHarness first =
        new CaptureHarness(server, db, "p", data)
            .set("tables", List.of("public.t"))
            .startStreaming();
    server.execute(db, "UPDATE t SET v = 1 WHERE id <= 10");
    first.awaitEvents("public.t", 110);
    assertThat(first.stop()).isEqualTo(PipelineState.STOPPED);

    server.execute(db, "UPDATE t SET v = 2 WHERE id <= 20", "DELETE FROM t WHERE id > 90");
    CaptureHarness second =
        new CaptureHarness(server, db, "p", data).set("tables", List.of("public.t")).start();
    server.execute(db, "INSERT INTO t VALUES (1000, 5)");
    second.awaitEvents("public.t", 141);
    Thread.sleep(1500); // anything repeated would show up by now
    List<JsonNode> e = second.events("public.t");
    assertThat(e).hasSize(141);
    assertThat(e.stream().map(x -> x.get("idempotency_key").asText()).distinct()).hasSize(141);
    assertThat(e.get(140).get("after").get("id").asInt()).isEqualTo(1000);
    second.stop();
  }

  @Test
  void reconnectsByItselfAfterTheConnectionIsCutAndLosesNothing() throws Exception {
    String db = server.createUniqueDatabase("cut");
    server.execute(db, "CREATE TABLE t (id int PRIMARY KEY)");
    try (TcpProxy proxy = TcpProxy.start(server.host(), server.port());
        CaptureHarness h = new CaptureHarness(server, db, "p", data)) {
      h.set("tables", List.of("public.t")).set("port", proxy.port()).startStreaming();
      server.execute(db, "INSERT INTO t SELECT generate_series(1, 100)");
      h.awaitEvents("public.t", 100);

      proxy.refuse();
      proxy.cutConnections();
      server.execute(db, "INSERT INTO t SELECT generate_series(101, 200)");
      Thread.sleep(1500);
      proxy.resume();
      server.execute(db, "INSERT INTO t SELECT generate_series(201, 300)");

      h.awaitEvents("public.t", 300);
      Thread.sleep(1000);
      List<JsonNode> e = h.events("public.t");
      assertThat(e.stream().map(x -> x.get("after").get("id").asInt()).toList())
          .containsExactlyElementsOf(IntStream.rangeClosed(1, 300).boxed().toList());
      assertThat(h.status().retries()).isPositive();
    }
  }

  @Test
  void resumesAnInterruptedSnapshotWithoutLosingConcurrentChanges() throws Exception {
    String db = server.createUniqueDatabase("snapresume");
    server.execute(
        db,
        "CREATE TABLE t (id int PRIMARY KEY, v int)",
        "INSERT INTO t SELECT g, 0 FROM generate_series(1, 100000) g");
    CaptureHarness first =
        new CaptureHarness(server, db, "p", data)
            .set("tables", List.of("public.t"))
            .set("snapshot_chunk_rows", 500)
            .set("snapshot_workers", 1);
    first.start();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(5))
        .until(
            () ->
                first.status().committedOffset() != null
                    && first.status().committedOffset().contains("chunks="));
    first.stop();
    int copied = first.events("public.t").size();
    assertThat(first.status().committedOffset()).contains("snapshot=running");
    assertThat(copied).isBetween(1, 99_999);

    // changes while Tributary is down, to rows copied and not yet copied
    server.execute(
        db,
        "UPDATE t SET v = 1 WHERE id % 7 = 0",
        "DELETE FROM t WHERE id % 11 = 0",
        "INSERT INTO t SELECT g, 2 FROM generate_series(100001, 100100) g");
    CaptureHarness second =
        new CaptureHarness(server, db, "p", data)
            .set("tables", List.of("public.t"))
            .set("snapshot_chunk_rows", 500);
    second.start();
    // and while it copies the rest
    server.execute(db, "UPDATE t SET v = 3 WHERE id % 13 = 0");
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> second.status().state() == PipelineState.STREAMING);
    server.execute(db, "INSERT INTO t VALUES (-1, -1)");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                second.events("public.t").stream()
                    .anyMatch(
                        x -> !x.get("after").isNull() && x.get("after").get("id").asInt() == -1));
    second.stop();

    // v only ever grows (0 → 1 → 3, inserts at 2), so a read older than a change already captured
    // for the same row would show as v going down
    Map<Integer, Integer> replayed = new HashMap<>();
    Map<Integer, Integer> highest = new HashMap<>();
    for (JsonNode e : second.events("public.t")) {
      if (e.get("op").asText().equals("d")) {
        replayed.remove(e.get("before").get("id").asInt());
        continue;
      }
      int id = e.get("after").get("id").asInt();
      int v = e.get("after").get("v").asInt();
      replayed.put(id, v);
      assertThat(v)
          .as("row %d went back in time at %s", id, e)
          .isGreaterThanOrEqualTo(highest.getOrDefault(id, v));
      highest.merge(id, v, Math::max);
    }
    assertThat(replayed).isEqualTo(tableState(db));
  }

  @Test
  void snapshotsATableAddedToAnExistingPipelineWithoutCopyingTheOthersAgain() throws Exception {
    String db = server.createUniqueDatabase("added");
    server.execute(
        db,
        "CREATE TABLE a (id int PRIMARY KEY, v int)",
        "INSERT INTO a SELECT g, 0 FROM generate_series(1, 100) g",
        "CREATE TABLE b (id int PRIMARY KEY, v int)",
        "INSERT INTO b SELECT g, 0 FROM generate_series(1, 300) g");
    CaptureHarness first =
        new CaptureHarness(server, db, "p", data)
            .set("tables", List.of("public.a"))
            .startStreaming();
    first.awaitEvents("public.a", 100);
    first.stop();

    CaptureHarness second =
        new CaptureHarness(server, db, "p", data)
            .set("tables", List.of("public.a", "public.b"))
            .set("snapshot_chunk_rows", 100)
            .start();
    server.execute(db, "UPDATE b SET v = 1 WHERE id <= 10", "INSERT INTO a VALUES (101, 0)");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> second.status().state() == PipelineState.STREAMING);
    server.execute(db, "INSERT INTO b VALUES (301, 2)");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                second.events("public.b").stream()
                    .anyMatch(e -> e.get("after").get("id").asInt() == 301));
    second.stop();

    assertThat(second.events("public.a").stream().filter(e -> e.get("op").asText().equals("r")))
        .hasSize(100);
    Map<Integer, Integer> b = new HashMap<>();
    for (JsonNode e : second.events("public.b")) {
      b.put(e.get("after").get("id").asInt(), e.get("after").get("v").asInt());
    }
    assertThat(b).hasSize(301).containsEntry(1, 1).containsEntry(11, 0).containsEntry(301, 2);
    assertThat(second.status().committedOffset())
        .contains("tables=public.a,public.b")
        .doesNotContain("tables=*");
  }

  @Test
  void anInitialOnlyPipelineRunAgainEndsAtOnceWithoutCopyingAgain() throws Exception {
    String db = server.createUniqueDatabase("onlyagain");
    server.execute(
        db, "CREATE TABLE t (id int PRIMARY KEY)", "INSERT INTO t SELECT generate_series(1, 50)");
    CaptureHarness first =
        new CaptureHarness(server, db, "p", data)
            .set("tables", List.of("public.t"))
            .set("snapshot", "initial_only")
            .start();
    assertThat(first.awaitEnd(Duration.ofSeconds(60))).isEqualTo(PipelineState.STOPPED);
    CaptureHarness second =
        new CaptureHarness(server, db, "p", data)
            .set("tables", List.of("public.t"))
            .set("snapshot", "initial_only")
            .start();
    assertThat(second.awaitEnd(Duration.ofSeconds(60))).isEqualTo(PipelineState.STOPPED);
    assertThat(second.events("public.t")).hasSize(50);
  }

  private Map<Integer, Integer> tableState(String db) throws Exception {
    Map<Integer, Integer> out = new HashMap<>();
    try (Connection c = server.connect(db);
        ResultSet rs = c.createStatement().executeQuery("SELECT id, v FROM t")) {
      while (rs.next()) {
        out.put(rs.getInt(1), rs.getInt(2));
      }
    }
    return out;
  }
}

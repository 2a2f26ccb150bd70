package io.tributary.server.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.cli.Main;
import io.tributary.testkit.postgres.PostgresServer;
import io.tributary.testkit.process.ChildJvm;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code tributary run} with SIGKILL at the worst moments and checks that, after a restart,
 * the log holds every change exactly once and in order.
 */
@Timeout(300)
class CrashRecoveryIT {
  private final PostgresServer server = PostgresServer.shared();

  @TempDir Path dir;

  private Path pipeline(String db, String extra) throws Exception {
    return PipelineYaml.write(
        dir,
        "crash",
        server,
        db,
        "tables: [public.t]\nslot: crash_" + db + "\nheartbeat_interval: 1s\n" + extra);
  }

  private ChildJvm run(Path file) throws Exception {
    return ChildJvm.builder(Main.class)
        .jvmOptions("-Xmx256m")
        .args("run", file.toString())
        .env(PipelineYaml.PASSWORD_ENV, server.password())
        .workingDir(dir)
        .start();
  }

  private CapturedLog log() {
    return new CapturedLog(dir.resolve("data").resolve("crash"));
  }

  @Test
  void killedDuringTheSnapshotResumesItWithoutLosingConcurrentChanges() throws Exception {
    String db = server.createUniqueDatabase("crash_snap");
    server.execute(
        db,
        "CREATE TABLE t (id int PRIMARY KEY, v int)",
        "INSERT INTO t SELECT g, 0 FROM generate_series(1, 200000) g");
    Path file = pipeline(db, "snapshot_chunk_rows: 2000\nsnapshot_workers: 2");
    ChildJvm first = run(file);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> log().count("crash.public.t") > 0);
    first.kill9();
    first.waitFor(Duration.ofSeconds(10));
    assertThat(log().committedPosition())
        .hasValueSatisfying(p -> assertThat(p).contains("snapshot=running"));

    server.execute(
        db,
        "UPDATE t SET v = 1 WHERE id % 3 = 0",
        "DELETE FROM t WHERE id % 10 = 0",
        "INSERT INTO t SELECT g, 2 FROM generate_series(200001, 201000) g");
    try (ChildJvm second = run(file)) {
      server.execute(db, "UPDATE t SET v = 3 WHERE id % 7 = 0");
      server.execute(db, "INSERT INTO t VALUES (-1, 9)");
      // the rest of the snapshot is copied in chunks between watermarks while changes stream
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  log().committedPosition().orElse("").contains("snapshot=done")
                      && log().events("crash.public.t").stream()
                          .anyMatch(e -> e.get("after").path("id").asInt() == -1));
      second.terminate();
      assertThat(second.waitFor(Duration.ofSeconds(30))).isZero();
    }
    List<JsonNode> events = log().events("crash.public.t");
    assertThat(CapturedLog.replay(events)).isEqualTo(table(db));
    assertNeverGoesBackInTime(events);
    assertThat(events.stream().map(e -> e.get("idempotency_key").asText()).distinct())
        .hasSameSizeAs(events);
  }

  @Test
  void killedRepeatedlyWhileStreamingKeepsEveryChangeExactlyOnceInOrder() throws Exception {
    String db = server.createUniqueDatabase("crash_stream");
    server.execute(db, "CREATE TABLE t (id int PRIMARY KEY, v int)");
    Path file = pipeline(db, "snapshot: never\nbatch_size: 200");
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger changes = new AtomicInteger();
    ChildJvm child = run(file);
    await().atMost(Duration.ofSeconds(60)).until(() -> log().committedPosition().isPresent());
    Thread writer = Thread.ofPlatform().start(() -> write(db, writing, changes));
    for (int i = 0; i < 3; i++) {
      Thread.sleep(1000 + ThreadLocalRandom.current().nextInt(1500));
      child.kill9();
      child.waitFor(Duration.ofSeconds(10));
      child = run(file);
    }
    Thread.sleep(1000);
    writing.set(false);
    writer.join();
    int expected = changes.get();
    ChildJvm last = child;
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> log().count("crash.public.t") >= expected);
    Thread.sleep(1500); // would a duplicate arrive late?
    last.terminate();
    assertThat(last.waitFor(Duration.ofSeconds(30))).isZero();

    List<JsonNode> events = log().events("crash.public.t");
    assertThat(events).hasSize(expected);
    assertThat(CapturedLog.replay(events)).isEqualTo(table(db));
    // commit order: the writer gives each change a growing sequence number in v
    assertThat(
            events.stream()
                .map(e -> e.path("after").path("v").asInt(-1))
                .filter(v -> v >= 0)
                .toList())
        .isSorted();
  }

  @Test
  void killedInTheMiddleOfALargeTransactionDeliversItExactlyOnce() throws Exception {
    String db = server.createUniqueDatabase("crash_bigtx");
    server.execute(db, "CREATE TABLE t (id int PRIMARY KEY, v int)");
    Path file = pipeline(db, "snapshot: never\nbatch_size: 500");
    ChildJvm first = run(file);
    await().atMost(Duration.ofSeconds(60)).until(() -> log().committedPosition().isPresent());
    server.execute(db, "INSERT INTO t SELECT g, g FROM generate_series(1, 200000) g");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> log().committedPosition().orElse("").contains("complete=false"));
    first.kill9();
    first.waitFor(Duration.ofSeconds(10));
    long before = log().count("crash.public.t");
    assertThat(before).isBetween(1L, 199_999L);

    try (ChildJvm second = run(file)) {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> log().count("crash.public.t") >= 200_000);
      Thread.sleep(1500);
      second.terminate();
      second.waitFor(Duration.ofSeconds(30));
    }
    List<JsonNode> events = log().events("crash.public.t");
    assertThat(events.stream().map(e -> e.get("after").get("id").asInt()).toList())
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 200_000).boxed().toList());
  }

  @Test
  void survivesAPostgresRestartByReconnectingOnItsOwn() throws Exception {
    try (PostgresServer own =
        PostgresServer.builder().setting("synchronous_commit", "on").start()) {
      own.createDatabase("restart");
      own.execute("restart", "CREATE TABLE t (id int PRIMARY KEY, v int)");
      Path file = PipelineYaml.write(dir, "crash", own, "restart", "tables: [public.t]");
      try (ChildJvm child = run(file)) {
        own.execute("restart", "INSERT INTO t SELECT g, 0 FROM generate_series(1, 100) g");
        await().atMost(Duration.ofSeconds(60)).until(() -> log().count("crash.public.t") >= 100);
        own.stop();
        Thread.sleep(2000);
        own.start();
        own.execute("restart", "INSERT INTO t SELECT g, 0 FROM generate_series(101, 200) g");
        await().atMost(Duration.ofSeconds(90)).until(() -> log().count("crash.public.t") >= 200);
        Thread.sleep(1000);
        assertThat(child.isAlive()).isTrue();
        child.terminate();
        assertThat(child.waitFor(Duration.ofSeconds(30))).isZero();
      }
      assertThat(
              log().events("crash.public.t").stream()
                  .map(e -> e.get("after").get("id").asInt())
                  .toList())
          .containsExactlyElementsOf(IntStream.rangeClosed(1, 200).boxed().toList());
    }
  }

  /**
   * Inserts and updates in small transactions; v is a global sequence so commit order is visible.
   */
  private void write(String db, AtomicBoolean writing, AtomicInteger changes) {
    int seq = 0;
    int nextId = 1;
    try (Connection c = server.connect(db)) {
      c.setAutoCommit(false);
      var st = c.createStatement();
      while (writing.get()) {
        int id = nextId++;
        st.execute("INSERT INTO t VALUES (" + id + ", " + (seq++) + ")");
        st.execute("INSERT INTO t VALUES (" + (nextId++) + ", " + (seq++) + ")");
        st.execute("UPDATE t SET v = " + (seq++) + " WHERE id = " + id);
        c.commit();
        changes.addAndGet(3);
        Thread.sleep(2);
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void assertNeverGoesBackInTime(List<JsonNode> events) {
    Map<Integer, Integer> highest = new HashMap<>();
    for (JsonNode e : events) {
      if (e.get("after").isNull()) {
        continue;
      }
      int id = e.get("after").get("id").asInt();
      int v = e.get("after").get("v").asInt();
      assertThat(v)
          .as("row %d went back in time at %s", id, e)
          .isGreaterThanOrEqualTo(highest.getOrDefault(id, v));
      highest.merge(id, v, Math::max);
    }
  }

  private Map<Integer, Integer> table(String db) throws Exception {
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

package io.tributary.server.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.cli.Main;
import io.tributary.testkit.postgres.PostgresServer;
import io.tributary.testkit.process.ChildJvm;
import io.tributary.testkit.process.JvmOptionsFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows whose values PostgreSQL stores compressed, captured in the launcher's 128 MiB heap: the
 * table takes a few MB on disk but ~90 MB as events. As one snapshot chunk (5,000 rows by default),
 * or as one streamed batch (4,096 events by default), they ran the JVM out of memory; chunks are
 * now sized by a sample of the rows' text and batches end at 4 MiB (ADR 0008).
 */
@Timeout(180)
class WideRowsIT {
  private static final int ROWS = 1_500;
  private static final int DOC_BYTES = 60_000;

  private final PostgresServer server = PostgresServer.shared();

  @TempDir Path dir;

  @Test
  void aTableOfWideCompressedRowsIsSnapshottedInTheLaunchersHeap() throws Exception {
    String db = server.createUniqueDatabase("wide_rows");
    snapshotToTheEnd(db, insert(1, ROWS));

    assertHoldsEveryDocument("r");
  }

  @Test
  void wideRowsStreamedInOneLargeTransactionAndInManySmallOnesAreCapturedInTheLaunchersHeap()
      throws Exception {
    String db = server.createUniqueDatabase("wide_stream");
    server.execute(db, "CREATE TABLE docs (id int PRIMARY KEY, doc text NOT NULL)");
    Path file =
        PipelineYaml.write(
            dir, "wide", server, db, "tables: [public.docs]\nsnapshot: never\nslot: wide_" + db);

    try (ChildJvm run = run(file)) {
      // changes are captured from the slot's creation on
      run.awaitStderrLine(
          line -> line.contains("created replication slot"), Duration.ofSeconds(60));
      server.execute(db, insert(1, ROWS / 2)); // one transaction of ~45 MB
      for (int id = ROWS / 2 + 1; id <= ROWS; id += 50) {
        server.execute(db, insert(id, id + 49));
      }
      CapturedLog log = new CapturedLog(dir.resolve("data").resolve("wide"));
      try {
        await()
            .atMost(Duration.ofMinutes(2))
            .until(() -> !run.isAlive() || log.count("wide.public.docs") >= ROWS);
      } catch (ConditionTimeoutException e) {
        throw new AssertionError(
            log.count("wide.public.docs") + " events; stderr: " + run.stderr().tail(30), e);
      }
      assertThat(run.isAlive()).as("still running; stderr: %s", run.stderr().tail(20)).isTrue();
      run.terminate();
      assertThat(run.waitFor(Duration.ofSeconds(30))).isZero();
    }

    assertHoldsEveryDocument("c");
  }

  @Test
  void aRowTooLargeForTheHeapStopsCaptureWithTheFixAndIsCapturedWithALargerOne() throws Exception {
    String db = server.createUniqueDatabase("huge_row");
    server.execute(db, "CREATE TABLE docs (id int PRIMARY KEY, doc text NOT NULL)");
    Path file =
        PipelineYaml.write(
            dir, "wide", server, db, "tables: [public.docs]\nsnapshot: never\nslot: wide_" + db);

    try (ChildJvm run = run(file, "-Xmx128m")) {
      run.awaitStderrLine(
          line -> line.contains("created replication slot"), Duration.ofSeconds(60));
      server.execute(db, "INSERT INTO docs VALUES (1, 'small')");
      // 20 MB of text: more than the eighth of a 128 MiB heap an event may take
      server.execute(db, "INSERT INTO docs VALUES (2, repeat(md5('x'), 625000))");
      server.execute(db, "INSERT INTO docs VALUES (3, 'after')");
      assertThat(run.waitFor(Duration.ofMinutes(1))).isEqualTo(1);
      assertThat(run.stderr().content())
          .contains("a change to public.docs in transaction")
          .contains("is 19 MiB, more than 15 MiB")
          .contains("TRIBUTARY_JAVA_OPTS=-Xmx1g")
          .doesNotContain("OutOfMemoryError");
    }
    CapturedLog log = new CapturedLog(dir.resolve("data").resolve("wide"));
    assertThat(log.count("wide.public.docs")).isEqualTo(1);

    try (ChildJvm run = run(file, "-Xmx512m")) {
      await().atMost(Duration.ofMinutes(1)).until(() -> log.count("wide.public.docs") >= 3);
      run.terminate();
      assertThat(run.waitFor(Duration.ofSeconds(30))).isZero();
    }
    List<JsonNode> events = log.events("wide.public.docs");
    assertThat(events).extracting(e -> e.get("after").get("id").asInt()).containsExactly(1, 2, 3);
    assertThat(events.get(1).get("after").get("doc").asText()).hasSize(20_000_000);
  }

  @Test
  void rowsOfSeveralMegabytesManyToAPageAreCopiedInChunksSmallerThanAPage() throws Exception {
    String db = server.createUniqueDatabase("huge_rows");
    // 2 MB of text each, stored compressed out of line: ~150 of them fit one heap page
    String stderr =
        snapshotToTheEnd(
            db,
            "INSERT INTO docs SELECT g, repeat(md5(g::text), 62500) FROM generate_series(1, 100) g");
    assertThat(stderr).containsPattern("in 1\\d\\d chunk\\(s\\)");

    List<JsonNode> events =
        new CapturedLog(dir.resolve("data").resolve("wide")).events("wide.public.docs");
    assertThat(events.stream().map(e -> e.get("after").get("id").asInt()).toList())
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 100).boxed().toList());
    assertThat(events)
        .allSatisfy(e -> assertThat(e.get("after").get("doc").asText()).hasSize(2_000_000));
  }

  @Test
  void killedDuringASnapshotOfRowRangesResumesWithEveryRowExactlyOnce() throws Exception {
    String db = server.createUniqueDatabase("huge_kill");
    server.execute(
        db,
        "CREATE TABLE docs (id int PRIMARY KEY, doc text NOT NULL)",
        "INSERT INTO docs SELECT g, repeat(md5(g::text), 62500) FROM generate_series(1, 300) g",
        "ANALYZE docs");
    Path file =
        PipelineYaml.write(
            dir, "wide", server, db, "tables: [public.docs]\nsnapshot: initial_only");
    CapturedLog log = new CapturedLog(dir.resolve("data").resolve("wide"));

    ChildJvm first = run(file);
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> log.count("wide.public.docs") > 0);
    first.kill9();
    first.waitFor(Duration.ofSeconds(10));
    assertThat(log.committedPosition())
        .hasValueSatisfying(p -> assertThat(p).contains("snapshot=running"));

    try (ChildJvm second = run(file)) {
      assertThat(second.waitFor(Duration.ofMinutes(2)))
          .as("exit code; stderr: %s", second.stderr().tail(20))
          .isZero();
      assertThat(second.stderr().content()).contains("resuming snapshot");
    }
    assertThat(log.events("wide.public.docs").stream().map(e -> e.get("after").get("id").asInt()))
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 300).boxed().toList());
  }

  /**
   * Fills table docs of {@code db} with {@code insert}, runs an {@code initial_only} snapshot of it
   * to its end (exit 0) and returns what the run printed on stderr.
   */
  private String snapshotToTheEnd(String db, String insert) throws Exception {
    server.execute(
        db, "CREATE TABLE docs (id int PRIMARY KEY, doc text NOT NULL)", insert, "ANALYZE docs");
    Path file =
        PipelineYaml.write(
            dir, "wide", server, db, "tables: [public.docs]\nsnapshot: initial_only");
    try (ChildJvm run = run(file)) {
      int exit = run.waitFor(Duration.ofMinutes(2));
      assertThat(exit).as("exit code; stderr: %s", run.stderr().tail(20)).isZero();
      return run.stderr().content();
    }
  }

  private static String insert(int from, int to) {
    return "INSERT INTO docs SELECT g, left(repeat('lorem ipsum ' || g || ' ', "
        + DOC_BYTES
        + "), "
        + DOC_BYTES
        + ") FROM generate_series("
        + from
        + ", "
        + to
        + ") g";
  }

  private ChildJvm run(Path file) throws Exception {
    return run(file, "-Xmx128m");
  }

  /** The CLI as the launcher runs it: the options of jvm.options, then {@code heap}. */
  private ChildJvm run(Path file, String heap) throws Exception {
    List<String> options = new ArrayList<>(JvmOptionsFile.read(Path.of("jvm.options")));
    options.add(heap);
    return ChildJvm.builder(Main.class)
        .jvmOptions(options.toArray(String[]::new))
        .args("run", file.toString())
        .env(PipelineYaml.PASSWORD_ENV, server.password())
        .workingDir(dir)
        .start();
  }

  private void assertHoldsEveryDocument(String op) {
    List<JsonNode> events =
        new CapturedLog(dir.resolve("data").resolve("wide")).events("wide.public.docs");
    assertThat(events).hasSize(ROWS);
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.get("op").asText()).isEqualTo(op);
              assertThat(e.get("after").get("doc").asText())
                  .hasSize(DOC_BYTES)
                  .startsWith("lorem ipsum " + e.get("after").get("id").asInt() + " ");
            });
    List<Integer> ids = events.stream().map(e -> e.get("after").get("id").asInt()).toList();
    List<Integer> all = IntStream.rangeClosed(1, ROWS).boxed().toList();
    if (op.equals("c")) {
      assertThat(ids).containsExactlyElementsOf(all); // in commit order
    } else {
      assertThat(ids).containsExactlyInAnyOrderElementsOf(all); // chunks are copied in parallel
    }
  }
}

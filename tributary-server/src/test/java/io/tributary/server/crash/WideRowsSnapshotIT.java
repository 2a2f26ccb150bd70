package io.tributary.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.cli.Main;
import io.tributary.testkit.postgres.PostgresServer;
import io.tributary.testkit.process.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot of rows whose values PostgreSQL stores compressed, in the launcher's 128 MiB heap: the
 * table takes a few MB on disk but ~90 MB as events, which as one chunk (5,000 rows by default) ran
 * the JVM out of memory. Chunks are now sized by a sample of the rows' text.
 */
@Timeout(180)
class WideRowsSnapshotIT {
  private static final int ROWS = 1_500;
  private static final int DOC_BYTES = 60_000;

  private final PostgresServer server = PostgresServer.shared();

  @TempDir Path dir;

  @Test
  void aTableOfWideCompressedRowsIsSnapshottedInTheLaunchersHeap() throws Exception {
    String db = server.createUniqueDatabase("wide_rows");
    server.execute(
        db,
        "CREATE TABLE docs (id int PRIMARY KEY, doc text NOT NULL)",
        "INSERT INTO docs SELECT g, left(repeat('lorem ipsum ' || g || ' ', "
            + DOC_BYTES
            + "), "
            + DOC_BYTES
            + ") FROM generate_series(1, "
            + ROWS
            + ") g",
        "ANALYZE docs");
    Path file =
        PipelineYaml.write(
            dir, "wide", server, db, "tables: [public.docs]\nsnapshot: initial_only");

    int exit;
    try (ChildJvm run =
        ChildJvm.builder(Main.class)
            .jvmOptions("-Xmx128m", "-XX:+UseSerialGC")
            .args("run", file.toString())
            .env(PipelineYaml.PASSWORD_ENV, server.password())
            .workingDir(dir)
            .start()) {
      exit = run.waitFor(Duration.ofSeconds(120));
      assertThat(exit).as("exit code; stderr: %s", run.stderr().tail(20)).isZero();
    }

    List<JsonNode> events =
        new CapturedLog(dir.resolve("data").resolve("wide")).events("wide.public.docs");
    assertThat(events).hasSize(ROWS);
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.get("op").asText()).isEqualTo("r");
              assertThat(e.get("after").get("doc").asText())
                  .hasSize(DOC_BYTES)
                  .startsWith("lorem ipsum " + e.get("after").get("id").asInt() + " ");
            });
    assertThat(events.stream().map(e -> e.get("after").get("id").asInt()).distinct()).hasSize(ROWS);
  }
}

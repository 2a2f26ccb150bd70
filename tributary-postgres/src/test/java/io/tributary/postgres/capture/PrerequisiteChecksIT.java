package io.tributary.postgres.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.Check;
import io.tributary.engine.pipeline.PipelineState;
import io.tributary.postgres.connector.PostgresConnector;
import io.tributary.testkit.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class PrerequisiteChecksIT {
  private final PostgresServer server = PostgresServer.shared();

  @TempDir Path data;

  private List<Check> check(CaptureHarness h) {
    return new PostgresConnector().check(h.config(), h.pipeline);
  }

  private static Check failed(List<Check> checks, String name) {
    return checks.stream()
        .filter(c -> c.name().startsWith(name) && c.failed())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no failed check '" + name + "' in " + checks));
  }

  @Test
  void aWrongPasswordFailsTheConnectionCheckWithTheFix() throws Exception {
    String db = server.createUniqueDatabase("pw");
    CaptureHarness h =
        new CaptureHarness(server, db, "p", data)
            .set("tables", List.of("public.x"))
            .set("password", "wrong");
    Check c = failed(check(h), "connection");
    assertThat(c.message()).contains("password authentication failed");
    assertThat(c.fix()).contains("source.password");
  }

  @Test
  void aPortWithNothingListeningFailsTheConnectionCheckNamingHostAndPort() throws Exception {
    String db = server.createUniqueDatabase("port");
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    CaptureHarness h =
        new CaptureHarness(server, db, "p", data)
            .set("tables", List.of("public.x"))
            .set("port", closedPort)
            .set("connect_timeout", "2s");
    Check c = failed(check(h), "connection");
    assertThat(c.message()).contains("127.0.0.1:" + closedPort).contains("refused");
    assertThat(c.fix()).contains("source.host and source.port");
  }

  @Test
  void aWrongPasswordFailsThePipelineWithoutRetryingForever() throws Exception {
    String db = server.createUniqueDatabase("pwrun");
    CaptureHarness h =
        new CaptureHarness(server, db, "p", data)
            .set("tables", List.of("public.x"))
            .set("password", "wrong")
            .start();
    assertThat(h.awaitEnd(Duration.ofSeconds(30))).isEqualTo(PipelineState.FAILED);
    assertThat(h.status().lastError())
        .contains("password authentication failed")
        .contains("source.password");
  }

  @Test
  void aRoleWithoutReplicationIsToldHowToGrantIt() throws Exception {
    String db = server.createUniqueDatabase("norepl");
    server.execute(
        db,
        "DO $$ BEGIN CREATE ROLE plain LOGIN PASSWORD 'plain'; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
        "CREATE TABLE x (id int PRIMARY KEY)",
        "GRANT SELECT ON x TO plain");
    CaptureHarness h =
        new CaptureHarness(server, db, "p", data)
            .set("tables", List.of("public.x"))
            .set("user", "plain")
            .set("password", "plain");
    Check c = failed(check(h), "replication privilege");
    assertThat(c.fix()).contains("ALTER ROLE \"plain\" WITH REPLICATION");
  }

  @Test
  void anExistingPublicationMissingATableTheRoleCannotAddIsReported() throws Exception {
    String db = server.createUniqueDatabase("pubmissing");
    server.execute(
        db,
        "DO $$ BEGIN CREATE ROLE plain2 LOGIN REPLICATION PASSWORD 'plain2';"
            + " EXCEPTION WHEN duplicate_object THEN NULL; END $$",
        "CREATE TABLE x (id int PRIMARY KEY)",
        "CREATE TABLE y (id int PRIMARY KEY)",
        "GRANT SELECT ON x, y TO plain2",
        "CREATE PUBLICATION pub_x FOR TABLE x");
    CaptureHarness h =
        new CaptureHarness(server, db, "p", data)
            .set("tables", List.of("public.x", "public.y"))
            .set("publication", "pub_x")
            .set("user", "plain2")
            .set("password", "plain2");
    Check c = failed(check(h), "publication");
    assertThat(c.message()).contains("lacks [public.y]");
    assertThat(c.fix()).contains("ALTER PUBLICATION pub_x ADD TABLE \"public\".\"y\"");
  }

  @Test
  void anUnknownTableIsNamedWithASuggestionAndNothingIsCreated() throws Exception {
    String db = server.createUniqueDatabase("unknown");
    server.execute(db, "CREATE TABLE orders (id int PRIMARY KEY)");
    CaptureHarness h =
        new CaptureHarness(server, db, "p", data)
            .set("tables", List.of("public.ordrs"))
            .set("slot", "unknown_slot");
    Check c = failed(check(h), "tables");
    assertThat(c.message()).contains("public.ordrs").contains("did you mean public.orders");

    h.start();
    assertThat(h.awaitEnd(Duration.ofSeconds(30))).isEqualTo(PipelineState.FAILED);
    assertThat(h.status().lastError()).contains("public.ordrs");
    assertThat(
            SnapshotAndStreamingIT.scalar(
                h,
                "SELECT count(*)::text FROM pg_replication_slots WHERE slot_name = 'unknown_slot'"))
        .isEqualTo("0");
    assertThat(SnapshotAndStreamingIT.scalar(h, "SELECT count(*)::text FROM pg_publication"))
        .isEqualTo("0");
  }

  @Test
  void aSlotInUseIsReported() throws Exception {
    String db = server.createUniqueDatabase("busy");
    server.execute(db, "CREATE TABLE x (id int PRIMARY KEY)");
    try (CaptureHarness running = new CaptureHarness(server, db, "p", data.resolve("a"))) {
      running.set("tables", List.of("public.x")).set("slot", "busy_slot").startStreaming();
      CaptureHarness other =
          new CaptureHarness(server, db, "q", data.resolve("b"))
              .set("tables", List.of("public.x"))
              .set("slot", "busy_slot");
      Check c = failed(check(other), "replication slot");
      assertThat(c.message()).contains("in use");
    }
  }

  @Test
  void aTableWithoutKeyOrReplicaIdentityFailsWithTheFix() throws Exception {
    String db = server.createUniqueDatabase("nokey");
    server.execute(db, "CREATE TABLE loose (a int)");
    CaptureHarness h =
        new CaptureHarness(server, db, "p", data).set("tables", List.of("public.loose"));
    assertThat(failed(check(h), "replica identity").fix()).contains("REPLICA IDENTITY FULL");
  }

  @Test
  void walLevelReplicaIsReportedWithTheSettingToChange() throws Exception {
    try (PostgresServer replica =
        PostgresServer.builder().setting("wal_level", "replica").start()) {
      replica.createDatabase("w");
      try (Connection c = replica.connect("w")) {
        c.createStatement().execute("CREATE TABLE x (id int PRIMARY KEY)");
      }
      CaptureHarness h =
          new CaptureHarness(replica, "w", "p", data).set("tables", List.of("public.x"));
      Check c = failed(check(h), "wal_level");
      assertThat(c.message()).contains("replica");
      assertThat(c.fix()).contains("wal_level = logical");
    }
  }
}

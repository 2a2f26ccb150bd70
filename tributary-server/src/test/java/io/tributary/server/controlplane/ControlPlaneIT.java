package io.tributary.server.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.controlplane.ApiClient.Answer;
import io.tributary.server.security.ApiKeyToken;
import io.tributary.testkit.postgres.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The control plane's REST API over real HTTPS, managing connectors on a real PostgreSQL. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ControlPlaneIT {
  private static PostgresServer postgres;
  private static final String ADMIN = ControlPlaneFixture.ADMIN;

  @TempDir Path data;
  private ControlPlane plane;
  private ControlPlaneFixture fixture;
  private ApiClient admin;
  private String database;
  private String name; // the connector's name: unique, as its replication slot is named after it

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresServer.shared();
  }

  @BeforeEach
  void startControlPlane() throws SQLException {
    database = postgres.createUniqueDatabase("cp");
    name = database;
    postgres.execute(database, "CREATE TABLE public.orders (id int PRIMARY KEY, status text)");
    postgres.execute(database, "INSERT INTO public.orders VALUES (1, 'new'), (2, 'paid')");
    start();
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void requestsWithoutAValidKeyAre401AndViewersMayOnlyRead() {
    assertThat(admin.withKey(null).get("/api/v1/connectors").status()).isEqualTo(401);
    Answer wrong =
        admin.withKey(ApiKeyToken.generate(new SecureRandom()).token()).get("/api/v1/connectors");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().at("/error/code").asText()).isEqualTo("unauthorized");

    Answer created =
        admin.post("/api/v1/api-keys", "{\"name\": \"dashboards\", \"role\": \"viewer\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    ApiClient viewer = admin.withKey(created.json().get("token").asText());

    assertThat(viewer.get("/api/v1/connectors").status()).isEqualTo(200);
    Answer refused = viewer.post("/api/v1/connectors", document(name));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().at("/error/message").asText())
        .contains("viewer", "operator or admin");
    assertThat(viewer.get("/api/v1/api-keys").status()).isEqualTo(403);
  }

  @Test
  void badRequestsGetAClearFourHundredNeverAFiveHundred() {
    Answer invalid =
        admin.post(
            "/api/v1/connectors",
            "{\"name\": \"Bad Name\", \"source\": {\"type\": \"postgres\", \"port\": 70000}}");
    assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
    assertThat(invalid.json().at("/error/code").asText()).isEqualTo("invalid_config");
    List<String> fields = new ArrayList<>();
    invalid.json().at("/error/fields").forEach(f -> fields.add(f.get("field").asText()));
    assertThat(fields).contains("name");

    Answer malformed = admin.post("/api/v1/connectors", "{\"name\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().at("/error/code").asText()).isEqualTo("bad_request");

    Answer notObject = admin.post("/api/v1/connectors", "[1, 2]");
    assertThat(notObject.status()).isEqualTo(400);

    Answer wrongType =
        admin.send(
            admin
                .request("/api/v1/connectors")
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=shop")));
    assertThat(wrongType.status()).isEqualTo(415);

    String huge = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    Answer tooLarge =
        admin.send(
            admin
                .request("/api/v1/connectors")
                .expectContinue(true)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(huge)));
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().at("/error/code").asText()).isEqualTo("payload_too_large");

    Answer missing = admin.get("/api/v1/connectors/nope");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().at("/error/message").asText()).contains("nope");
    assertThat(admin.get("/api/v1/no-such-thing").status()).isEqualTo(404);
    assertThat(admin.get("/api/v1/connectors/nope/versions/x").status()).isIn(400, 404);
  }

  @Test
  void validateReportsFieldErrorsAndThenThePrerequisiteChecks() {
    Answer bad =
        admin.post(
            "/api/v1/connectors/validate",
            "{\"name\": \"shop\", \"source\": {\"type\": \"postgres\"}}");
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.json().get("valid").asBoolean()).isFalse();
    assertThat(bad.json().get("errors").toString()).contains("source.database");

    Answer wrongPassword = admin.post("/api/v1/connectors/validate", document(name, "nope"));
    assertThat(wrongPassword.json().get("valid").asBoolean()).isFalse();
    assertThat(wrongPassword.json().get("checks").toString())
        .contains("failed")
        .contains("password");

    Answer good = admin.post("/api/v1/connectors/validate", document(name));
    assertThat(good.json().get("valid").asBoolean()).as(good.toString()).isTrue();
    assertThat(good.json().get("checks").toString()).contains("wal_level");

    Answer tables = admin.post("/api/v1/connectors/discover", "{\"source\": " + source() + "}");
    assertThat(tables.status()).as(tables.toString()).isEqualTo(200);
    assertThat(tables.json().get("tables").toString()).contains("public.orders");
  }

  @Test
  void aConnectorCapturesPausesResumesWithoutLossAndKeepsItsSecret() throws Exception {
    Answer created = admin.post("/api/v1/connectors", document(name));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.body())
        .doesNotContain("\"password\":\"" + PostgresServer.PASSWORD + "\"")
        .contains("\"password\":\"********\"");
    assertThat(admin.post("/api/v1/connectors", document(name)).status()).isEqualTo(409);

    awaitState(name, "STREAMING");
    postgres.execute(database, "INSERT INTO public.orders VALUES (3, 'new')");
    assertThat(awaitEvents(name + ".public.orders", 3)).hasSize(3);

    assertThat(
            admin.post("/api/v1/connectors/" + name + "/pause", "{}").json().get("state").asText())
        .isEqualTo("PAUSED");
    assertThat(admin.post("/api/v1/connectors/" + name + "/pause", "{}").status()).isEqualTo(409);
    postgres.execute(database, "INSERT INTO public.orders VALUES (4, 'made while paused')");
    assertThat(admin.post("/api/v1/connectors/" + name + "/resume", "{}").status()).isEqualTo(200);
    List<JsonNode> events = awaitEvents(name + ".public.orders", 4);
    assertThat(events).extracting(e -> e.at("/after/id").asInt()).containsExactly(1, 2, 3, 4);

    Answer page =
        admin.get("/api/v1/streams/" + name + ".public.orders/events?after=" + 1 + "&limit=1");
    assertThat(page.json().get("events")).hasSize(1);
    assertThat(page.json().get("next").asLong()).isEqualTo(2);

    byte[] metadata = Files.readAllBytes(data.resolve("metadata.mv.db"));
    assertThat(new String(metadata, StandardCharsets.ISO_8859_1))
        .doesNotContain("\"password\":\"tributary\"");
    JsonNode status = admin.get("/api/v1/connectors/" + name + "/status").json();
    assertThat(status.at("/latency_ms/p99").asDouble(-1)).isGreaterThanOrEqualTo(0);
    assertThat(admin.get("/metrics").body())
        .contains("tributary_connector_retained_bytes{connector=\"" + name + "\"}");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        admin
                            .get("/api/v1/connectors/" + name + "/status")
                            .json()
                            .get("wal_retained_bytes")
                            .isNumber())
                    .isTrue());
    assertThat(status.get("events_total").asLong()).isEqualTo(4);
    assertThat(admin.get("/metrics").body())
        .contains("tributary_connector_events_total{connector=\"" + name + "\"} 4");
  }

  @Test
  void everySaveIsAVersionThatCanBeRolledBackAndIsAudited() {
    assertThat(admin.post("/api/v1/connectors", document(name)).status()).isEqualTo(201);
    String changed = document(name).replace("\"snapshot\": \"initial\"", "\"snapshot\": \"never\"");
    Answer updated =
        admin.put(
            "/api/v1/connectors/" + name + "/config",
            changed
                .replace(
                    "\"password\": \"" + PostgresServer.PASSWORD + "\"",
                    "\"password\": \"********\"")
                .replaceFirst("}$", ", \"comment\": \"skip the copy\"}"));
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().get("version").asInt()).isEqualTo(2);
    assertThat(updated.json().at("/config/source/snapshot").asText()).isEqualTo("never");

    Answer versions = admin.get("/api/v1/connectors/" + name + "/versions");
    assertThat(versions.json().get("versions"))
        .extracting(v -> v.get("version").asInt())
        .containsExactly(2, 1);
    assertThat(versions.json().at("/versions/0/comment").asText()).isEqualTo("skip the copy");

    Answer rolled = admin.post("/api/v1/connectors/" + name + "/rollback", "{\"version\": 1}");
    assertThat(rolled.json().get("version").asInt()).isEqualTo(3);
    assertThat(rolled.json().at("/config/source/snapshot").asText()).isEqualTo("initial");
    awaitState(name, "STREAMING"); // the kept secret still connects

    List<String> actions = new ArrayList<>();
    admin
        .get("/api/v1/audit?connector=" + name)
        .json()
        .get("entries")
        .forEach(e -> actions.add(e.get("action").asText()));
    assertThat(actions)
        .containsExactly("connector.rollback", "connector.update", "connector.create");
  }

  @Test
  void connectorsResumeByThemselvesWhenTheServerRestarts() throws Exception {
    assertThat(admin.post("/api/v1/connectors", document(name)).status()).isEqualTo(201);
    awaitState(name, "STREAMING");
    assertThat(awaitEvents(name + ".public.orders", 2)).hasSize(2);
    fixture.close();
    postgres.execute(database, "INSERT INTO public.orders VALUES (3, 'while the server was down')");

    start();

    awaitState(name, "STREAMING");
    assertThat(awaitEvents(name + ".public.orders", 3))
        .extracting(e -> e.at("/after/id").asInt())
        .containsExactly(1, 2, 3);
  }

  @Test
  void deletingWithDropSlotRemovesTheSlotAndPublication() throws Exception {
    assertThat(admin.post("/api/v1/connectors", document(name)).status()).isEqualTo(201);
    awaitState(name, "STREAMING");
    assertThat(slotsAndPublications()).isEqualTo(2);

    assertThat(admin.delete("/api/v1/connectors/" + name + "?drop_slot=maybe").status())
        .isEqualTo(400);
    assertThat(admin.delete("/api/v1/connectors/" + name + "?drop_slot=true").status())
        .isEqualTo(204);

    assertThat(slotsAndPublications()).isZero();
    assertThat(admin.get("/api/v1/connectors/" + name).status()).isEqualTo(404);
    assertThat(admin.delete("/api/v1/connectors/" + name).status()).isEqualTo(404);
  }

  @Test
  void aCaughtUpReaderLongPollsUntilTheNextEvent() throws Exception {
    assertThat(admin.post("/api/v1/connectors", document(name)).status()).isEqualTo(201);
    assertThat(awaitEvents(name + ".public.orders", 2)).hasSize(2);
    String events = "/api/v1/streams/" + name + ".public.orders/events?after=1";

    long started = System.nanoTime();
    Answer empty = admin.get(events + "&wait=1s");
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(900));
    assertThat(empty.json().get("events")).isEmpty();
    assertThat(empty.json().get("next").asLong()).isEqualTo(1);

    var waiting =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> admin.get(events + "&wait=30s"));
    Thread.sleep(500);
    postgres.execute(database, "INSERT INTO public.orders VALUES (3, 'wakes the reader')");
    Answer woken = waiting.get(20, TimeUnit.SECONDS);
    assertThat(woken.json().get("events")).hasSize(1);
    assertThat(woken.json().at("/events/0/after/id").asInt()).isEqualTo(3);
    assertThat(woken.json().get("next").asLong()).isEqualTo(2);
  }

  @Test
  void theLiveTailSendsNewEventsAsServerSentEvents() throws Exception {
    assertThat(admin.post("/api/v1/connectors", document(name)).status()).isEqualTo(201);
    assertThat(awaitEvents(name + ".public.orders", 2)).hasSize(2);
    java.net.http.HttpResponse<java.util.stream.Stream<String>> tail =
        admin.lines(admin.request("/api/v1/streams/" + name + ".public.orders/tail").GET());
    assertThat(tail.statusCode()).isEqualTo(200);
    assertThat(tail.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    postgres.execute(database, "INSERT INTO public.orders VALUES (3, 'live')");
    try (java.util.stream.Stream<String> lines = tail.body()) {
      List<String> event = lines.dropWhile(l -> !l.startsWith("id: ")).limit(2).toList();
      assertThat(event.get(0)).isEqualTo("id: 2");
      assertThat(event.get(1)).startsWith("data: {").contains("\"id\":3", "\"op\":\"c\"");
    }
  }

  @Test
  void aReSnapshotCopiesTheTableAgainOnceWhileStreaming() throws Exception {
    assertThat(admin.post("/api/v1/connectors", document(name)).status()).isEqualTo(201);
    assertThat(awaitEvents(name + ".public.orders", 2))
        .extracting(e -> e.get("op").asText())
        .containsOnly("r");
    Answer unknown =
        admin.post("/api/v1/connectors/" + name + "/snapshot", "{\"tables\": [\"public.nope\"]}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().at("/error/fields/0/message").asText()).contains("public.nope");

    postgres.execute(database, "INSERT INTO public.orders VALUES (3, 'before the copy')");
    assertThat(awaitEvents(name + ".public.orders", 3).getLast().get("op").asText()).isEqualTo("c");

    Answer accepted =
        admin.post("/api/v1/connectors/" + name + "/snapshot", "{\"tables\": [\"public.orders\"]}");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);

    List<JsonNode> events = awaitEvents(name + ".public.orders", 6);
    assertThat(events.subList(3, 6))
        .extracting(e -> e.get("op").asText() + e.at("/after/id").asInt())
        .containsExactlyInAnyOrder("r1", "r2", "r3");
    // carried out once: a restart does not copy again
    assertThat(admin.post("/api/v1/connectors/" + name + "/restart", "{}").status()).isEqualTo(200);
    awaitState(name, "STREAMING");
    postgres.execute(database, "INSERT INTO public.orders VALUES (4, 'after')");
    JsonNode last = awaitEvents(name + ".public.orders", 7).getLast();
    assertThat(last.get("op").asText() + last.at("/after/id").asInt()).isEqualTo("c4");
  }

  @Test
  void theOperationalEndpointsAnswer() {
    assertThat(admin.withKey(null).get("/livez").status()).isEqualTo(200);
    assertThat(admin.withKey(null).get("/readyz").status()).isEqualTo(200);
    JsonNode openApi = admin.withKey(null).get("/api/v1/openapi.json").json();
    assertThat(openApi.get("openapi").asText()).startsWith("3.1");
    assertThat(openApi.at("/paths/~1api~1v1~1connectors~1{name}~1pause/post")).isNotNull();
    assertThat(admin.get("/api/v1/connector-types").json().get("types").toString())
        .contains("\"type\":\"postgres\"", "\"name\":\"password\"", "\"type\":\"password\"");
  }

  private long slotsAndPublications() throws SQLException {
    try (var c = postgres.connect(database);
        var st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT (SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'tributary_"
                    + name
                    + "') + (SELECT count(*) FROM pg_publication WHERE pubname = 'tributary_"
                    + name
                    + "')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void start() {
    fixture = new ControlPlaneFixture(data, postgres, Duration.ofSeconds(5)).start();
    plane = fixture.plane();
    admin = fixture.admin();
  }

  private void awaitState(String connector, String state) {
    fixture.awaitState(connector, state);
  }

  private List<JsonNode> awaitEvents(String stream, int count) {
    return fixture.awaitEvents(stream, count);
  }

  private String document(String connector) {
    return document(connector, PostgresServer.PASSWORD);
  }

  private String document(String connector, String password) {
    return fixture.document(connector, database, password);
  }

  private String source() {
    return fixture.source(database, PostgresServer.PASSWORD);
  }
}

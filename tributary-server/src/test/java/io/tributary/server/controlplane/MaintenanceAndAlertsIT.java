package io.tributary.server.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.tributary.server.controlplane.ApiClient.Answer;
import io.tributary.testkit.postgres.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maintenance windows pause capture and resume it by themselves, losing nothing; alert rules fire
 * to a real webhook receiver.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MaintenanceAndAlertsIT {
  @TempDir Path data;
  private final PostgresServer postgres = PostgresServer.shared();
  private ControlPlaneFixture fixture;
  private ApiClient admin;
  private String database;

  @BeforeEach
  void start() throws SQLException {
    database = postgres.createUniqueDatabase("mw");
    postgres.execute(database, "CREATE TABLE public.orders (id int PRIMARY KEY, status text)");
    postgres.execute(database, "INSERT INTO public.orders VALUES (1, 'new')");
    fixture = new ControlPlaneFixture(data, postgres, Duration.ofMillis(200)).start();
    admin = fixture.admin();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aWindowPausesCaptureAndChangesMadeDuringItArriveAfterIt() throws SQLException {
    String name = database;
    assertThat(
            admin
                .post(
                    "/api/v1/connectors", fixture.document(name, database, PostgresServer.PASSWORD))
                .status())
        .isEqualTo(201);
    fixture.awaitState(name, "STREAMING");
    Instant start = Instant.now().plusSeconds(2);
    Answer window =
        admin.post(
            "/api/v1/maintenance-windows",
            "{\"connector\": \""
                + name
                + "\", \"schedule\": {\"type\": \"once\", \"start\": \""
                + start
                + "\"}, \"duration\": \"6s\", \"description\": \"vacuum\"}");
    assertThat(window.status()).as(window.toString()).isEqualTo(201);

    fixture.awaitState(name, "MAINTENANCE");
    JsonNode status = admin.get("/api/v1/connectors/" + name + "/status").json();
    assertThat(status.at("/maintenance/active/until").asText())
        .isEqualTo(start.plusSeconds(6).toString());
    postgres.execute(database, "INSERT INTO public.orders VALUES (2, 'during the window')");
    assertThat(admin.post("/api/v1/connectors/" + name + "/resume", "{}").status()).isEqualTo(409);

    fixture.awaitState(name, "STREAMING");
    assertThat(fixture.awaitEvents(name + ".public.orders", 2))
        .extracting(e -> e.at("/after/id").asInt())
        .containsExactly(1, 2);
    List<String> actions = actions(name);
    assertThat(actions).contains("connector.maintenance.begin", "connector.maintenance.end");
  }

  @Test
  void aGlobalWindowCanBeEndedEarly() {
    String name = database;
    assertThat(
            admin
                .post(
                    "/api/v1/connectors", fixture.document(name, database, PostgresServer.PASSWORD))
                .status())
        .isEqualTo(201);
    Answer window =
        admin.post(
            "/api/v1/maintenance-windows",
            "{\"connector\": null, \"schedule\": {\"type\": \"cron\", \"cron\": \"* * * * *\", \"time_zone\": \"Europe/Paris\"}, \"duration\": \"1h\"}");
    assertThat(window.status()).as(window.toString()).isEqualTo(201);
    String id = window.json().get("id").asText();
    fixture.awaitState(name, "MAINTENANCE");
    assertThat(
            admin.get("/api/v1/maintenance-windows").json().at("/windows/0/active_until").isNull())
        .isFalse();

    Answer ended = admin.post("/api/v1/maintenance-windows/" + id + "/end", "{}");
    assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
    assertThat(admin.delete("/api/v1/maintenance-windows/" + id).status()).isEqualTo(204);
    fixture.awaitState(name, "STREAMING");

    Answer invalid =
        admin.post(
            "/api/v1/maintenance-windows",
            "{\"connector\": \"nope\", \"schedule\": {\"type\": \"cron\", \"cron\": \"61 * * * *\", \"time_zone\": \"Mars/Base\"}, \"duration\": \"2h\"}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().at("/error/fields").toString())
        .contains("schedule.cron", "schedule.time_zone");
  }

  @Test
  void aFailedConnectorFiresItsAlertToTheWebhook() throws IOException {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            received.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try {
      String name = database;
      Answer rule =
          admin.post(
              "/api/v1/alert-rules",
              "{\"name\": \"broken\", \"connector\": null, \"condition\": {\"type\": \"connector_failed\"}, "
                  + "\"webhook\": {\"url\": \"http://127.0.0.1:"
                  + receiver.getAddress().getPort()
                  + "/hook\", \"format\": \"json\"}}");
      assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
      assertThat(
              admin
                  .post("/api/v1/connectors", fixture.document(name, database, "wrong-password"))
                  .status())
          .isEqualTo(201);

      fixture.awaitState(name, "FAILED");
      await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
      assertThat(received.getFirst())
          .contains("\"status\":\"firing\"", "\"connector\":\"" + name + "\"", "password");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          admin
                              .get("/api/v1/alerts")
                              .json()
                              .at("/alerts/0/delivery/status")
                              .asText())
                      .isEqualTo("delivered"));
    } finally {
      receiver.stop(0);
    }
  }

  private List<String> actions(String connector) {
    List<String> actions = new java.util.ArrayList<>();
    admin
        .get("/api/v1/audit?connector=" + connector)
        .json()
        .get("entries")
        .forEach(e -> actions.add(e.get("action").asText()));
    return actions;
  }
}

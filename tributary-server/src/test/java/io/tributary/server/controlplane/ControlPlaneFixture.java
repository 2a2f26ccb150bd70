package io.tributary.server.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.controlplane.ApiClient.Answer;
import io.tributary.server.security.ApiKeyToken;
import io.tributary.testkit.postgres.PostgresServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A control plane for a test: started in-process on a free port with its own data directory and a
 * known admin key, talked to over real HTTPS, managing connectors on the shared test PostgreSQL.
 */
final class ControlPlaneFixture implements AutoCloseable {
  static final String ADMIN = ApiKeyToken.generate(new SecureRandom()).token();

  private final Path data;
  private final Duration alertInterval;
  private final PostgresServer postgres;
  private ControlPlane plane;
  private ApiClient admin;

  ControlPlaneFixture(Path data, PostgresServer postgres, Duration alertInterval) {
    this.data = data;
    this.postgres = postgres;
    this.alertInterval = alertInterval;
  }

  ControlPlaneFixture start() {
    plane =
        ControlPlane.start(
            new ControlPlane.Settings(
                data, "127.0.0.1", 0, Optional.empty(), "test", alertInterval),
            Map.of("TRIBUTARY_ADMIN_KEY", ADMIN),
            Clock.systemUTC());
    admin = ApiClient.of(plane.port(), plane.certificate().certificate(), ADMIN);
    return this;
  }

  ApiClient admin() {
    return admin;
  }

  ControlPlane plane() {
    return plane;
  }

  @Override
  public void close() {
    if (plane != null) {
      plane.close();
      plane = null;
    }
  }

  void awaitState(String connector, String state) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        admin
                            .get("/api/v1/connectors/" + connector + "/status")
                            .json()
                            .get("state")
                            .asText())
                    .isEqualTo(state));
  }

  List<JsonNode> awaitEvents(String stream, int count) {
    List<JsonNode> events = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Answer a = admin.get("/api/v1/streams/" + stream + "/events?limit=1000");
              assertThat(a.status()).as(a.toString()).isEqualTo(200);
              events.clear();
              a.json().get("events").forEach(events::add);
              assertThat(events).hasSize(count);
            });
    return events;
  }

  /** A connector document capturing {@code public.orders} of {@code database}. */
  String document(String connector, String database, String password) {
    return "{\"name\": \""
        + connector
        + "\", \"source\": "
        + source(database, password)
            .replace("}", ", \"tables\": [\"public.orders\"], \"snapshot\": \"initial\"}")
        + "}";
  }

  String source(String database, String password) {
    return "{\"type\": \"postgres\", \"host\": \""
        + postgres.host()
        + "\", \"port\": "
        + postgres.port()
        + ", \"database\": \""
        + database
        + "\", \"user\": \""
        + PostgresServer.SUPERUSER
        + "\", \"password\": \""
        + password
        + "\", \"sslmode\": \"disable\"}";
  }
}

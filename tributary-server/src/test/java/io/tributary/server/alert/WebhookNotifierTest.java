package io.tributary.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.server.alert.AlertEvent.Status;
import io.tributary.server.alert.WebhookServer.Answer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery against a real HTTP server on the loopback interface; waits between attempts are only
 * recorded, never spent.
 */
class WebhookNotifierTest {
  static final AlertEvent FIRING =
      new AlertEvent(
          "r1",
          "Shop lag",
          "shop",
          Status.FIRING,
          "connector shop lag is 12.3 MB behind (threshold 1 MB) for 5m",
          Instant.parse("2026-03-01T12:05:00Z"));
  static final AlertEvent RESOLVED =
      new AlertEvent(
          "r1",
          "Shop lag",
          "shop",
          Status.RESOLVED,
          "connector shop lag is back to 200 KB (threshold 1 MB)",
          Instant.parse("2026-03-01T12:07:00Z"));

  private final ObjectMapper mapper = new ObjectMapper();
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final List<DeliveryResult> reported = new CopyOnWriteArrayList<>();
  private final WebhookNotifier notifier =
      new WebhookNotifier(
          client,
          executor,
          RetryPolicy.DEFAULT,
          delay -> {
            waits.add(delay);
            return CompletableFuture.completedFuture(null);
          },
          () -> 0L, // no jitter: every wait is half its backoff
          reported::add);

  @AfterEach
  void stop() throws InterruptedException {
    client.close();
    executor.shutdownNow();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private DeliveryResult deliver(AlertEvent event, URI url, Webhook.Format format)
      throws Exception {
    DeliveryResult result =
        notifier.deliver(event, new Webhook(url, format)).get(30, TimeUnit.SECONDS);
    assertThat(reported).containsExactly(result);
    return result;
  }

  @Test
  void retriesAfter503sAndReportsTheDelivery() throws Exception {
    try (WebhookServer server = new WebhookServer(Answer.of(503), Answer.of(503), Answer.of(200))) {
      DeliveryResult result = deliver(FIRING, server.url("/hook"), Webhook.Format.JSON);

      assertThat(result)
          .isEqualTo(new DeliveryResult(FIRING, DeliveryResult.Status.DELIVERED, 3, 200, null));
      assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
      assertThat(server.received()).hasSize(3);
    }
  }

  @Test
  void postsTheEventAsJson() throws Exception {
    try (WebhookServer server = new WebhookServer(Answer.of(204))) {
      deliver(FIRING, server.url("/hook"), Webhook.Format.JSON);

      WebhookServer.Received request = server.received().getFirst();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.contentType()).isEqualTo("application/json");
      assertThat(mapper.readTree(request.body()))
          .isEqualTo(
              mapper.readTree(
                  """
                  {"rule_id": "r1", "rule": "Shop lag", "connector": "shop", "status": "firing",
                   "message": "connector shop lag is 12.3 MB behind (threshold 1 MB) for 5m",
                   "at": "2026-03-01T12:05:00Z"}
                  """));
    }
  }

  @Test
  void postsASlackMessageWhenTheFormatIsSlack() throws Exception {
    try (WebhookServer server = new WebhookServer(Answer.of(200))) {
      deliver(FIRING, server.url("/services/T0/B0/x"), Webhook.Format.SLACK);
      reported.clear();
      deliver(RESOLVED, server.url("/services/T0/B0/x"), Webhook.Format.SLACK);

      List<JsonNode> bodies = server.received().stream().map(r -> readTree(r.body())).toList();
      assertThat(bodies)
          .containsExactly(
              mapper
                  .createObjectNode()
                  .put(
                      "text",
                      ":rotating_light: [FIRING] Shop lag: connector shop lag is 12.3 MB behind"
                          + " (threshold 1 MB) for 5m"),
              mapper
                  .createObjectNode()
                  .put(
                      "text",
                      ":white_check_mark: [RESOLVED] Shop lag: connector shop lag is back to 200"
                          + " KB (threshold 1 MB)"));
    }
  }

  @Test
  void doesNotRetryA400AndSaysWhatTheReceiverAnswered() throws Exception {
    try (WebhookServer server =
        new WebhookServer(new Answer(400, Map.of(), "invalid_payload"), Answer.of(200))) {
      DeliveryResult result = deliver(FIRING, server.url("/hook"), Webhook.Format.JSON);

      assertThat(result.status()).isEqualTo(DeliveryResult.Status.FAILED);
      assertThat(result.attempts()).isEqualTo(1);
      assertThat(result.lastHttpStatus()).isEqualTo(400);
      assertThat(result.lastError())
          .isEqualTo("HTTP 400 from " + origin(server) + ": invalid_payload");
      assertThat(server.received()).hasSize(1);
      assertThat(waits).isEmpty();
    }
  }

  @Test
  void retries408And429HonouringRetryAfterUpToItsCap() throws Exception {
    try (WebhookServer server =
        new WebhookServer(
            Answer.of(408),
            new Answer(429, Map.of("Retry-After", "7"), ""),
            new Answer(429, Map.of("Retry-After", "3600"), ""),
            new Answer(503, Map.of("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT"), ""),
            Answer.of(200))) {
      DeliveryResult result = deliver(FIRING, server.url("/hook"), Webhook.Format.JSON);

      assertThat(result.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
      assertThat(result.attempts()).isEqualTo(5);
      assertThat(waits)
          .containsExactly(
              Duration.ofMillis(500), // backoff
              Duration.ofSeconds(7), // as asked
              Duration.ofSeconds(60), // capped
              Duration.ofSeconds(4)); // a date: backoff
    }
  }

  @Test
  void givesUpAfterFiveAttempts() throws Exception {
    try (WebhookServer server = new WebhookServer(new Answer(502, Map.of(), "bad gateway"))) {
      DeliveryResult result = deliver(FIRING, server.url("/hook"), Webhook.Format.JSON);

      assertThat(result)
          .isEqualTo(
              new DeliveryResult(
                  FIRING,
                  DeliveryResult.Status.FAILED,
                  5,
                  502,
                  "HTTP 502 from " + origin(server) + ": bad gateway"));
      assertThat(server.received()).hasSize(5);
      assertThat(waits).hasSize(4);
    }
  }

  @Test
  void retriesARefusedConnectionThenFails() throws Exception {
    URI closed = URI.create("http://user:hunter2@127.0.0.1:" + freePort() + "/hook?token=s3cret");

    DeliveryResult result = deliver(FIRING, closed, Webhook.Format.JSON);

    assertThat(result.status()).isEqualTo(DeliveryResult.Status.FAILED);
    assertThat(result.attempts()).isEqualTo(5);
    assertThat(result.lastHttpStatus()).isNull();
    assertThat(result.lastError())
        .startsWith("POST to http://127.0.0.1:" + closed.getPort() + " failed: ")
        .contains("ConnectException")
        .doesNotContain("hunter2")
        .doesNotContain("s3cret");
    assertThat(waits)
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4));
  }

  @Test
  void redactsTheUrlsCredentialsFromWhatTheReceiverEchoes() throws Exception {
    try (WebhookServer server =
        new WebhookServer(new Answer(403, Map.of(), "token=s3cret is not valid"))) {
      DeliveryResult result =
          deliver(FIRING, server.url("/hook?token=s3cret"), Webhook.Format.JSON);

      assertThat(server.received().getFirst().uri()).isEqualTo("/hook?token=s3cret");
      assertThat(result.lastError())
          .isEqualTo("HTTP 403 from " + origin(server) + ": ******** is not valid");
    }
  }

  private static String origin(WebhookServer server) {
    URI url = server.url("/");
    return "http://127.0.0.1:" + url.getPort();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private JsonNode readTree(String body) {
    try {
      return mapper.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}

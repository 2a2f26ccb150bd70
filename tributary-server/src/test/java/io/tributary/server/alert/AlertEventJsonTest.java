package io.tributary.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.server.alert.AlertEvent.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertEventJsonTest {
  static final AlertEvent EVENT =
      new AlertEvent(
          "r1",
          "Shop failed",
          "shop",
          Status.FIRING,
          "connector shop failed: boom",
          Instant.parse("2026-03-01T12:00:00.250Z"));

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void rendersAnEventWhoseDeliveryIsUnderWayAsPending() throws Exception {
    assertThat(AlertEventJson.toJson("a1", EVENT, null))
        .isEqualTo(
            mapper.readTree(
                """
                {"id": "a1", "rule_id": "r1", "rule": "Shop failed", "connector": "shop",
                 "status": "firing", "message": "connector shop failed: boom",
                 "at": "2026-03-01T12:00:00.250Z",
                 "delivery": {"status": "pending", "attempts": 0, "error": null}}
                """));
  }

  @Test
  void rendersTheDeliverysOutcome() throws Exception {
    DeliveryResult failed =
        new DeliveryResult(
            EVENT, DeliveryResult.Status.FAILED, 5, 503, "HTTP 503 from https://example.com");
    DeliveryResult delivered =
        new DeliveryResult(EVENT, DeliveryResult.Status.DELIVERED, 2, 200, null);

    assertThat(AlertEventJson.toJson("a1", EVENT, failed).get("delivery"))
        .isEqualTo(
            mapper.readTree(
                "{\"status\": \"failed\", \"attempts\": 5,"
                    + " \"error\": \"HTTP 503 from https://example.com\"}"));
    assertThat(AlertEventJson.toJson("a1", EVENT, delivered).get("delivery"))
        .isEqualTo(
            mapper.readTree("{\"status\": \"delivered\", \"attempts\": 2, \"error\": null}"));
  }

  @Test
  void rendersResolvedInLowerCase() {
    AlertEvent resolved = new AlertEvent("r1", "n", "shop", Status.RESOLVED, "fine", EVENT.at());

    assertThat(AlertEventJson.toJson("a2", resolved, null).get("status").asText())
        .isEqualTo("resolved");
  }
}

package io.tributary.server.alert;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Renders an entry of the alert history ({@code GET /api/v1/alerts}): {@code {"id", "rule_id",
 * "rule", "connector", "status": "firing"|"resolved", "message", "at", "delivery": {"status":
 * "delivered"|"failed"|"pending", "attempts", "error"}}}. {@code rule} (the rule's name when the
 * event happened) and {@code delivery.error} (why delivery failed, without credentials) go beyond
 * docs/api.md's list so that the history reads on its own. Stateless and thread-safe.
 */
public final class AlertEventJson {
  private AlertEventJson() {}

  /**
   * The history entry of {@code event}.
   *
   * @param id the history entry's id, assigned by whoever stores it
   * @param event what happened
   * @param delivery how delivering it ended, or {@code null} while it is still under way
   */
  public static ObjectNode toJson(String id, AlertEvent event, DeliveryResult delivery) {
    ObjectNode json =
        JsonNodeFactory.instance
            .objectNode()
            .put("id", id)
            .put("rule_id", event.ruleId())
            .put("rule", event.ruleName())
            .put("connector", event.connector())
            .put("status", lower(event.status()))
            .put("message", event.message())
            .put("at", event.at().toString());
    ObjectNode d = json.putObject("delivery");
    if (delivery == null) {
      d.put("status", "pending").put("attempts", 0).putNull("error");
    } else {
      d.put("status", lower(delivery.status()))
          .put("attempts", delivery.attempts())
          .put("error", delivery.lastError());
    }
    return json;
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}

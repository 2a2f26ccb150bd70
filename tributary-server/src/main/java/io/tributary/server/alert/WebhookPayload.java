package io.tributary.server.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.server.alert.AlertEvent.Status;
import java.util.Locale;

/**
 * The body POSTed to a webhook for an {@link AlertEvent}: {@code {"rule_id", "rule", "connector",
 * "status": "firing"|"resolved", "message", "at"}} for {@link Webhook.Format#JSON}, {@code {"text":
 * ":rotating_light: [FIRING] <rule>: <message>"}} for {@link Webhook.Format#SLACK}. Thread-safe.
 */
final class WebhookPayload {
  private final ObjectMapper mapper;

  WebhookPayload(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The UTF-8 JSON body for {@code event} in {@code format}. */
  byte[] body(AlertEvent event, Webhook.Format format) {
    ObjectNode json =
        switch (format) {
          case JSON -> json(event);
          case SLACK -> mapper.createObjectNode().put("text", slackText(event));
        };
    try {
      return mapper.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      // a tree of strings always serializes: this is a bug
      throw new IllegalStateException("cannot serialize an alert payload", e);
    }
  }

  private ObjectNode json(AlertEvent event) {
    return mapper
        .createObjectNode()
        .put("rule_id", event.ruleId())
        .put("rule", event.ruleName())
        .put("connector", event.connector())
        .put("status", event.status().name().toLowerCase(Locale.ROOT))
        .put("message", event.message())
        .put("at", event.at().toString());
  }

  private static String slackText(AlertEvent event) {
    String badge =
        event.status() == Status.FIRING
            ? ":rotating_light: [FIRING]"
            : ":white_check_mark: [RESOLVED]";
    return badge + " " + slackEscape(event.ruleName()) + ": " + slackEscape(event.message());
  }

  // Slack reads <…> as links and mentions: a failure message must not turn into one
  private static String slackEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

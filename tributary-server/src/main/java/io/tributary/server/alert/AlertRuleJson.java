package io.tributary.server.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.config.ConfigError;
import io.tributary.api.config.Parsed;
import io.tributary.server.alert.Webhook.Format;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Converts between {@link AlertRule}s and their REST form (docs/api.md, "Alerts"):
 *
 * <pre>{@code
 * {"id": "…", "name": "Shop lag", "connector": "shop" | null,
 *  "condition": {"type": "lag_above", "bytes": 1000000, "for": "5m"},
 *  "webhook": {"url": "https://hooks.slack.com/services/…", "format": "slack"}}
 * }</pre>
 *
 * <p>{@link #parse} reports every problem at once, each with its field's path, and rejects unknown
 * fields. Note that {@link #toJson} includes the webhook URL as it is, credentials and all.
 * Stateless and thread-safe.
 */
public final class AlertRuleJson {
  private static final List<String> FIELDS =
      List.of("id", "name", "connector", "condition", "webhook");
  private static final List<String> WEBHOOK_FIELDS = List.of("url", "format");
  private static final int MAX_NAME = 200;
  private static final int MAX_URL = 2000;

  private AlertRuleJson() {}

  /**
   * Reads a rule submitted to the API.
   *
   * @param json the request body
   * @param id the rule's id, assigned by the server; the body may repeat it but not change it
   * @return the rule, or every problem with the body
   */
  public static Parsed<AlertRule> parse(JsonNode json, String id) {
    Objects.requireNonNull(id, "id");
    List<ConfigError> errors = new ArrayList<>();
    Optional<JsonObjectReader> reader =
        JsonObjectReader.of(
            json, "", "{\"name\": …, \"condition\": {…}, \"webhook\": {…}}", errors);
    if (reader.isEmpty()) {
      return new Parsed.Invalid<>(errors);
    }
    JsonObjectReader r = reader.orElseThrow();
    r.rejectUnknown(FIELDS, "");
    checkId(r, id);
    Optional<String> name = r.text("name", true, MAX_NAME, "\"Shop lag\"");
    Optional<String> connector = r.text("connector", false, MAX_NAME, "\"shop\" (or null for all)");
    Optional<Condition> condition = ConditionJson.parse(r.get("condition"), errors);
    Optional<Webhook> webhook = webhook(r.get("webhook"), errors);
    if (!errors.isEmpty()) {
      return new Parsed.Invalid<>(errors);
    }
    return new Parsed.Valid<>(
        new AlertRule(
            id,
            name.orElseThrow(),
            connector.orElse(null),
            condition.orElseThrow(),
            webhook.orElseThrow()));
  }

  /** The REST form of {@code rule}; {@link #parse} reads it back unchanged. */
  public static ObjectNode toJson(AlertRule rule) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("id", rule.id()).put("name", rule.name()).put("connector", rule.connector());
    json.set("condition", ConditionJson.toJson(rule.condition()));
    json.putObject("webhook")
        .put("url", rule.webhook().url().toString())
        .put("format", rule.webhook().format().name().toLowerCase(Locale.ROOT));
    return json;
  }

  private static void checkId(JsonObjectReader r, String id) {
    JsonNode value = r.get("id");
    if (value != null && !value.isNull() && !(value.isTextual() && value.asText().equals(id))) {
      r.error(
          "id",
          "is assigned by the server and cannot be changed; leave it out or send \"" + id + "\"");
    }
  }

  private static Optional<Webhook> webhook(JsonNode json, List<ConfigError> errors) {
    Optional<JsonObjectReader> reader =
        JsonObjectReader.of(
            json, "webhook", "{\"url\": \"https://…\", \"format\": \"json\"}", errors);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    JsonObjectReader r = reader.orElseThrow();
    r.rejectUnknown(WEBHOOK_FIELDS, "");
    Optional<URI> url =
        r.text("url", true, MAX_URL, "\"https://alerts.example.com/hook\"")
            .flatMap(text -> url(r, text));
    Optional<Format> format = format(r);
    return url.isPresent() && format.isPresent()
        ? Optional.of(new Webhook(url.orElseThrow(), format.orElseThrow()))
        : Optional.empty();
  }

  private static Optional<URI> url(JsonObjectReader r, String text) {
    URI url;
    try {
      url = new URI(text.strip());
    } catch (URISyntaxException e) {
      // the reason only: the URL itself may hold a credential
      r.error("url", "is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
      return Optional.empty();
    }
    String problem = Webhook.problem(url);
    if (problem != null) {
      r.error("url", problem + "; was " + Webhook.redact(url));
      return Optional.empty();
    }
    return Optional.of(url);
  }

  private static Optional<Format> format(JsonObjectReader r) {
    JsonNode value = r.get("format");
    if (value == null || value.isNull()) {
      return Optional.of(Format.JSON);
    }
    for (Format format : Format.values()) {
      if (value.isTextual() && value.asText().equals(format.name().toLowerCase(Locale.ROOT))) {
        return Optional.of(format);
      }
    }
    r.error(
        "format",
        "must be \"json\" (a JSON document) or \"slack\" (a Slack message), was "
            + JsonObjectReader.describe(value));
    return Optional.empty();
  }
}

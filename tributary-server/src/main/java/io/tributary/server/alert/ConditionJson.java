package io.tributary.server.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.config.ConfigError;
import io.tributary.api.config.DurationText;
import io.tributary.server.alert.Condition.ConnectorFailed;
import io.tributary.server.alert.Condition.LagAbove;
import io.tributary.server.alert.Condition.NoEvents;
import io.tributary.server.alert.Condition.WalRetainedAbove;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An alert rule's {@code condition} in the REST API: {@code {"type": "connector_failed"}}, {@code
 * {"type": "lag_above", "bytes": 1000000 | "seconds": 60, "for": "5m"}}, {@code {"type":
 * "no_events", "for": "10m"}} or {@code {"type": "wal_retained_above", "bytes": 1073741824, "for":
 * "0s"}}.
 */
final class ConditionJson {
  static final String PATH = "condition";

  private static final Map<String, List<String>> FIELDS =
      Map.of(
          "connector_failed", List.of("type"),
          "lag_above", List.of("type", "bytes", "seconds", "for"),
          "no_events", List.of("type", "for"),
          "wal_retained_above", List.of("type", "bytes", "for"));
  private static final BigDecimal MAX_SECONDS =
      BigDecimal.valueOf(Duration.ofDays(365).toSeconds());
  private static final String TYPES = "connector_failed, lag_above, no_events, wal_retained_above";

  private ConditionJson() {}

  /** The condition in {@code json}, or empty with every problem added to {@code errors}. */
  static Optional<Condition> parse(JsonNode json, List<ConfigError> errors) {
    Optional<JsonObjectReader> reader =
        JsonObjectReader.of(json, PATH, "{\"type\": \"connector_failed\"}", errors);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    JsonObjectReader r = reader.orElseThrow();
    Optional<String> type = r.text("type", true, 100, "one of " + TYPES);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    List<String> known = FIELDS.get(type.orElseThrow());
    if (known == null) {
      r.error("type", "unknown condition type '" + type.orElseThrow() + "'; use one of " + TYPES);
      return Optional.empty();
    }
    int before = errors.size();
    r.rejectUnknown(known, " for " + type.orElseThrow());
    Optional<Condition> condition =
        switch (type.orElseThrow()) {
          case "connector_failed" -> Optional.of(new ConnectorFailed());
          case "lag_above" -> lagAbove(r);
          case "no_events" -> duration(r, true).map(NoEvents::new);
          default -> wal(r);
        };
    return errors.size() > before ? Optional.empty() : condition;
  }

  /** The REST form of {@code condition}; {@link #parse} reads it back unchanged. */
  static ObjectNode toJson(Condition condition) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    switch (condition) {
      case ConnectorFailed c -> json.put("type", "connector_failed");
      case LagAbove lag -> {
        json.put("type", "lag_above");
        if (lag.bytes() != null) {
          json.put("bytes", lag.bytes());
        } else {
          putSeconds(json, lag.behind());
        }
        json.put("for", DurationText.format(lag.forAtLeast()));
      }
      case NoEvents noEvents ->
          json.put("type", "no_events").put("for", DurationText.format(noEvents.forAtLeast()));
      case WalRetainedAbove wal ->
          json.put("type", "wal_retained_above")
              .put("bytes", wal.bytes())
              .put("for", DurationText.format(wal.forAtLeast()));
    }
    return json;
  }

  private static Optional<Condition> lagAbove(JsonObjectReader r) {
    if (r.has("bytes") == r.has("seconds")) {
      thresholdError(r);
      return Optional.empty();
    }
    Optional<Duration> forAtLeast = duration(r, false);
    if (r.has("bytes")) {
      Optional<Long> bytes = bytes(r);
      return bytes.isPresent() && forAtLeast.isPresent()
          ? Optional.of(new LagAbove(bytes.orElseThrow(), null, forAtLeast.orElseThrow()))
          : Optional.empty();
    }
    Optional<Duration> behind = behind(r);
    return behind.isPresent() && forAtLeast.isPresent()
        ? Optional.of(new LagAbove(null, behind.orElseThrow(), forAtLeast.orElseThrow()))
        : Optional.empty();
  }

  private static void thresholdError(JsonObjectReader r) {
    if (r.has("bytes")) {
      r.error("seconds", "give either bytes or seconds, not both: a lag_above rule watches one");
    } else {
      r.error("bytes", "lag_above needs a threshold: bytes (e.g. 1000000) or seconds (e.g. 60)");
    }
  }

  private static Optional<Condition> wal(JsonObjectReader r) {
    if (!r.has("bytes")) {
      r.error("bytes", "is required; give the retained WAL threshold in bytes, e.g. 1073741824");
    }
    Optional<Long> bytes = r.has("bytes") ? bytes(r) : Optional.empty();
    Optional<Duration> forAtLeast = duration(r, false);
    return bytes.isPresent() && forAtLeast.isPresent()
        ? Optional.of(new WalRetainedAbove(bytes.orElseThrow(), forAtLeast.orElseThrow()))
        : Optional.empty();
  }

  private static Optional<Long> bytes(JsonObjectReader r) {
    JsonNode value = r.get("bytes");
    boolean whole =
        value.isNumber()
            && (value.isIntegralNumber() || value.canConvertToExactIntegral())
            && value.canConvertToLong();
    if (!whole || value.asLong() <= 0) {
      r.error(
          "bytes",
          "must be a positive whole number of bytes, e.g. 1000000 for 1 MB; was "
              + JsonObjectReader.describe(value));
      return Optional.empty();
    }
    return Optional.of(value.asLong());
  }

  private static Optional<Duration> behind(JsonObjectReader r) {
    JsonNode value = r.get("seconds");
    boolean finite = value.isNumber() && Double.isFinite(value.asDouble());
    BigDecimal seconds = finite ? value.decimalValue() : BigDecimal.ZERO;
    long millis = seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValue();
    // at most a year: anything longer is a typo, not a lag threshold
    if (seconds.compareTo(MAX_SECONDS) > 0 || millis <= 0) {
      r.error(
          "seconds",
          "must be a positive number of seconds up to 31536000 (a year), e.g. 60; was "
              + JsonObjectReader.describe(value));
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(millis));
  }

  /** The {@code for} duration; zero when it is optional and absent. */
  private static Optional<Duration> duration(JsonObjectReader r, boolean required) {
    JsonNode value = r.get("for");
    if (value == null || value.isNull()) {
      if (required) {
        r.error("for", "is required; give how long without events should alert, e.g. 10m");
        return Optional.empty();
      }
      return Optional.of(Duration.ZERO);
    }
    Optional<Duration> d =
        value.isTextual() ? DurationText.parse(value.asText()) : Optional.empty();
    if (d.isEmpty()) {
      r.error(
          "for",
          "must be a duration "
              + "like 30s, 5m or 1h (units: ms, s, m, h, d)"
              + ", was "
              + JsonObjectReader.describe(value));
    } else if (required && d.orElseThrow().isZero()) {
      r.error("for", "must be longer than 0s, e.g. 10m: every connector is without events for 0s");
      return Optional.empty();
    }
    return d;
  }

  private static void putSeconds(ObjectNode json, Duration d) {
    if (d.toMillis() % 1000 == 0) {
      json.put("seconds", d.toSeconds());
    } else {
      json.put("seconds", d.toMillis() / 1000.0);
    }
  }
}

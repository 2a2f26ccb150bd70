package io.tributary.server.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.config.ConfigError;
import io.tributary.api.config.DurationText;
import io.tributary.api.config.Parsed;
import io.tributary.api.config.Parsed.Invalid;
import io.tributary.api.config.Parsed.Valid;
import io.tributary.api.config.Suggestions;
import io.tributary.server.maintenance.WindowSchedule.Once;
import io.tributary.server.maintenance.WindowSchedule.Recurring;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one request body into a {@link MaintenanceWindow}, collecting every problem on the way; the
 * reading side of {@link MaintenanceWindowJson}. Use once, from one thread.
 */
final class WindowJsonReader {
  private static final List<String> FIELDS =
      List.of("id", "connector", "schedule", "duration", "description");
  private static final Set<String> ANSWER_ONLY = Set.of("next", "active_until");
  private static final List<String> ONCE_FIELDS = List.of("type", "start");
  private static final List<String> CRON_FIELDS = List.of("type", "cron", "time_zone");
  private static final List<String> SCHEDULE_TYPES = List.of("once", "cron");
  private static final String SCHEDULE_EXAMPLE =
      "{\"type\": \"once\", \"start\": \"2026-11-27T02:00:00Z\"} or {\"type\": \"cron\", \"cron\":"
          + " \"0 2 * * SUN\", \"time_zone\": \"Europe/Paris\"}";
  private static final String TIME_EXAMPLE = "an ISO-8601 UTC time like 2026-11-27T02:00:00Z";
  private static final String ZONE_EXAMPLE = "an IANA time zone name like Europe/Paris or UTC";

  private final List<ConfigError> errors = new ArrayList<>();

  /** The window in {@code body}, whose id is {@code id}, or all its problems. */
  Parsed<MaintenanceWindow> read(JsonNode body, String id) {
    if (body == null || !body.isObject()) {
      return new Invalid<>(
          List.of(
              new ConfigError(
                  "",
                  "the body must be a JSON object with connector, schedule, duration and"
                      + " description")));
    }
    rejectUnknown(body, "", FIELDS, "");
    checkId(body.get("id"), id);
    String connector = connector(body.get("connector"));
    WindowSchedule schedule = schedule(body.get("schedule"));
    Duration duration = duration(body.get("duration"));
    String description = description(body.get("description"));
    if (!errors.isEmpty()) {
      return new Invalid<>(errors);
    }
    return new Valid<>(new MaintenanceWindow(id, connector, schedule, duration, description));
  }

  private void rejectUnknown(JsonNode object, String prefix, List<String> known, String owner) {
    object
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name) && !(prefix.isEmpty() && ANSWER_ONLY.contains(name))) {
                String guess =
                    Suggestions.closest(name, known)
                        .map(c -> " (did you mean '" + c + "'?)")
                        .orElse("");
                errors.add(
                    new ConfigError(
                        prefix + name,
                        "unknown field"
                            + guess
                            + "; the fields of "
                            + (owner.isEmpty() ? "a maintenance window" : owner)
                            + " are "
                            + String.join(", ", known)));
              }
            });
  }

  private void checkId(JsonNode node, String id) {
    if (node == null || node.isNull() || (node.isTextual() && node.textValue().equals(id))) {
      return;
    }
    errors.add(
        new ConfigError(
            "id",
            "is "
                + node
                + " but this window's id is \""
                + id
                + "\"; ids are assigned by the server and never change, so leave the field out"));
  }

  private String connector(JsonNode node) {
    if (node == null) {
      errors.add(
          new ConfigError(
              "connector",
              "is required: the name of the connector to pause, or null for a window that pauses"
                  + " every connector"));
      return null;
    }
    if (node.isNull()) {
      return null;
    }
    if (!node.isTextual() || node.textValue().isBlank()) {
      errors.add(
          new ConfigError(
              "connector",
              "must be a connector name, or null for a window that pauses every connector; was "
                  + node));
      return null;
    }
    return node.textValue();
  }

  private WindowSchedule schedule(JsonNode node) {
    if (node == null || node.isNull()) {
      errors.add(new ConfigError("schedule", "is required: " + SCHEDULE_EXAMPLE));
      return null;
    }
    if (!node.isObject()) {
      errors.add(new ConfigError("schedule", "must be an object: " + SCHEDULE_EXAMPLE));
      return null;
    }
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      errors.add(
          new ConfigError(
              "schedule.type",
              (type == null ? "is required" : "must be a string")
                  + ": \"once\" for a one-off window or \"cron\" for a recurring one"));
      return null;
    }
    return switch (type.textValue()) {
      case "once" -> {
        rejectUnknown(node, "schedule.", ONCE_FIELDS, "a \"once\" schedule");
        yield once(node);
      }
      case "cron" -> {
        rejectUnknown(node, "schedule.", CRON_FIELDS, "a \"cron\" schedule");
        yield recurring(node);
      }
      default -> {
        errors.add(
            new ConfigError(
                "schedule.type",
                "unknown schedule type '"
                    + type.textValue()
                    + "'"
                    + Suggestions.hint(type.textValue(), SCHEDULE_TYPES)
                    + " (use \"once\" for a one-off window or \"cron\" for a recurring one)"));
        yield null;
      }
    };
  }

  private Once once(JsonNode schedule) {
    JsonNode start = schedule.get("start");
    if (start == null || start.isNull()) {
      errors.add(new ConfigError("schedule.start", "is required: when it starts, " + TIME_EXAMPLE));
      return null;
    }
    try {
      return new Once(Instant.parse(start.asText()));
    } catch (DateTimeException e) {
      errors.add(
          new ConfigError("schedule.start", start + " is not a time; write " + TIME_EXAMPLE));
      return null;
    }
  }

  private Recurring recurring(JsonNode schedule) {
    CronExpression cron = cron(schedule.get("cron"));
    ZoneId zone = zone(schedule.get("time_zone"));
    return cron == null || zone == null ? null : new Recurring(cron, zone);
  }

  private CronExpression cron(JsonNode node) {
    String example = "5 fields (minute hour day-of-month month day-of-week), e.g. \"0 2 * * SUN\"";
    if (node == null || node.isNull()) {
      errors.add(
          new ConfigError("schedule.cron", "is required: when occurrences start, " + example));
      return null;
    }
    if (!node.isTextual()) {
      errors.add(new ConfigError("schedule.cron", "must be a string of " + example));
      return null;
    }
    try {
      CronExpression cron = CronExpression.parse(node.textValue());
      Optional<String> never = cron.whyNeverFires();
      never.ifPresent(why -> errors.add(new ConfigError("schedule.cron", why)));
      return never.isPresent() ? null : cron;
    } catch (IllegalArgumentException e) {
      errors.add(new ConfigError("schedule.cron", e.getMessage()));
      return null;
    }
  }

  private ZoneId zone(JsonNode node) {
    if (node == null || node.isNull()) {
      errors.add(
          new ConfigError(
              "schedule.time_zone",
              "is required: the time zone of the cron times, " + ZONE_EXAMPLE));
      return null;
    }
    if (!node.isTextual()) {
      errors.add(new ConfigError("schedule.time_zone", "must be a string, " + ZONE_EXAMPLE));
      return null;
    }
    String name = node.textValue();
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      errors.add(
          new ConfigError(
              "schedule.time_zone",
              "unknown time zone '"
                  + name
                  + "'"
                  + Suggestions.hint(name, ZoneId.getAvailableZoneIds())
                  + "; it must be "
                  + ZONE_EXAMPLE));
      return null;
    }
  }

  private Duration duration(JsonNode node) {
    if (node == null || node.isNull()) {
      errors.add(
          new ConfigError(
              "duration", "is required: how long each occurrence lasts, " + DurationText.FORMAT));
      return null;
    }
    Optional<Duration> duration =
        node.isTextual() ? DurationText.parse(node.textValue()) : Optional.empty();
    if (duration.isEmpty()) {
      errors.add(
          new ConfigError("duration", node + " is not a duration; write " + DurationText.FORMAT));
      return null;
    }
    Duration d = duration.get();
    if (d.isZero()) {
      errors.add(new ConfigError("duration", "must be more than 0, e.g. 30m"));
      return null;
    }
    if (d.compareTo(MaintenanceWindow.MAX_DURATION) > 0) {
      errors.add(
          new ConfigError(
              "duration",
              node
                  + " is longer than the "
                  + DurationText.format(MaintenanceWindow.MAX_DURATION)
                  + " a window may last; split it into shorter windows"));
      return null;
    }
    return d;
  }

  private String description(JsonNode node) {
    if (node == null || node.isNull()) {
      return "";
    }
    if (!node.isTextual()) {
      errors.add(new ConfigError("description", "must be a string (or left out), was " + node));
      return "";
    }
    return node.textValue();
  }
}

package io.tributary.server.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.config.DurationText;
import io.tributary.api.config.Parsed;
import io.tributary.server.maintenance.WindowSchedule.Once;
import io.tributary.server.maintenance.WindowSchedule.Recurring;
import java.util.Objects;
import java.util.Optional;

/**
 * Converts between {@link MaintenanceWindow}s and the REST API's JSON (docs/api.md, "Maintenance
 * windows"):
 *
 * <pre>{@code
 * {"id": "…", "connector": "shop" | null,
 *  "schedule": {"type": "once", "start": "2026-11-27T02:00:00Z"}
 *            | {"type": "cron", "cron": "0 2 * * SUN", "time_zone": "Europe/Paris"},
 *  "duration": "2h", "description": "…"}
 * }</pre>
 *
 * <p>{@code connector} must be present (null makes the window global, so that forgetting it cannot
 * pause every connector); {@code description} may be left out. The answer-only fields {@code next}
 * and {@code active_until} are accepted and ignored, so that a window read from the list can be
 * sent back as it is; any other unknown field is an error. Stateless and thread-safe.
 */
public final class MaintenanceWindowJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private MaintenanceWindowJson() {}

  /**
   * Reads a window from a request body, reporting every problem at once.
   *
   * @param body the request body
   * @param id the window's id: a new one on create, the one in the path on update. The body may
   *     leave {@code id} out; if it has one, it must be this one, since ids never change
   */
  public static Parsed<MaintenanceWindow> parse(JsonNode body, String id) {
    Objects.requireNonNull(id, "id");
    return new WindowJsonReader().read(body, id);
  }

  /** The window as the API writes it, fields in the documented order. */
  public static ObjectNode toJson(MaintenanceWindow window) {
    ObjectNode json = NODES.objectNode();
    json.put("id", window.id());
    json.put("connector", window.connector());
    ObjectNode schedule = json.putObject("schedule");
    switch (window.schedule()) {
      case Once once -> schedule.put("type", "once").put("start", once.start().toString());
      case Recurring recurring ->
          schedule
              .put("type", "cron")
              .put("cron", recurring.cron().toString())
              .put("time_zone", recurring.zone().getId());
    }
    json.put("duration", DurationText.format(window.duration()));
    json.put("description", window.description());
    return json;
  }

  /**
   * The window as the list answer shows it: {@link #toJson} plus {@code "next": {"start", "end"}}
   * and {@code "active_until"}, null when there is no such occurrence.
   *
   * @param next from {@link WindowCalendar#next}
   * @param active from {@link WindowCalendar#active}
   */
  public static ObjectNode toListEntry(
      MaintenanceWindow window, Optional<Occurrence> next, Optional<Occurrence> active) {
    ObjectNode json = toJson(window);
    json.set(
        "next",
        next.<JsonNode>map(
                o ->
                    NODES
                        .objectNode()
                        .put("start", o.start().toString())
                        .put("end", o.end().toString()))
            .orElse(NODES.nullNode()));
    json.put("active_until", active.map(o -> o.end().toString()).orElse(null));
    return json;
  }

  /**
   * A connector status's {@code maintenance} object: {@code {"active": {"window_id", "until"},
   * "next": {"window_id", "start", "end"}}}, each null when there is none.
   *
   * @param active from {@link WindowCalendar#activeFor}
   * @param next from {@link WindowCalendar#nextFor}
   */
  public static ObjectNode maintenanceStatus(
      Optional<Occurrence> active, Optional<Occurrence> next) {
    ObjectNode json = NODES.objectNode();
    json.set(
        "active",
        active
            .<JsonNode>map(
                o ->
                    NODES
                        .objectNode()
                        .put("window_id", o.windowId())
                        .put("until", o.end().toString()))
            .orElse(NODES.nullNode()));
    json.set(
        "next",
        next.<JsonNode>map(
                o ->
                    NODES
                        .objectNode()
                        .put("window_id", o.windowId())
                        .put("start", o.start().toString())
                        .put("end", o.end().toString()))
            .orElse(NODES.nullNode()));
    return json;
  }
}

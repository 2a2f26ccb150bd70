package io.tributary.server.http;

import static io.tributary.server.http.Json.obj;

import io.tributary.api.Check;
import io.tributary.api.config.ConfigError;
import io.tributary.api.config.ConfigField;
import io.tributary.api.config.ConfigSpec;
import io.tributary.api.config.DurationText;
import io.tributary.server.connector.ConnectorDetails;
import io.tributary.server.connector.ConnectorStatus;
import io.tributary.server.store.AuditEntry;
import io.tributary.server.store.ConfigVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** How the API writes the control plane's values: the JSON shapes of docs/api.md. */
final class Views {
  private Views() {}

  static Map<String, Object> summary(ConnectorDetails d) {
    ConnectorStatus s = d.status();
    return obj(
        "name", d.name(),
        "type", d.type(),
        "state", s.state().name(),
        "events_per_second", s.eventsPerSecond(),
        "lag_bytes", known(s.lagBytes()),
        "lag_seconds", known(s.lagSeconds()),
        "last_event_at", s.lastEventAt(),
        "version", d.version());
  }

  /** A connector; {@code status} is its rendered {@link #status}. */
  static Map<String, Object> details(ConnectorDetails d, Map<String, Object> status) {
    return obj(
        "name", d.name(),
        "type", d.type(),
        "config", d.document(),
        "version", d.version(),
        "created_at", d.createdAt(),
        "updated_at", d.updatedAt(),
        "status", status);
  }

  /**
   * @param maintenance the {@code maintenance} member, or null when no window concerns the
   *     connector
   */
  static Map<String, Object> status(ConnectorStatus s, Map<String, Object> maintenance) {
    List<Object> tables = new ArrayList<>();
    for (ConnectorStatus.TableProgress t : s.snapshot()) {
      tables.add(
          obj(
              "table", t.table(),
              "rows_done", t.rowsDone(),
              "rows_total", t.rowsTotal(),
              "done", t.done(),
              "eta_seconds", t.etaSeconds()));
    }
    List<Object> errors = new ArrayList<>();
    for (ConnectorStatus.ErrorEntry e : s.errors()) {
      errors.add(obj("at", e.at(), "message", e.message()));
    }
    return obj(
        "state",
        s.state().name(),
        "since",
        s.since(),
        "message",
        s.message(),
        "events_total",
        s.eventsTotal(),
        "events_per_second",
        s.eventsPerSecond(),
        "lag_bytes",
        known(s.lagBytes()),
        "lag_seconds",
        known(s.lagSeconds()),
        "last_event_at",
        s.lastEventAt(),
        "latency_ms",
        s.latencyP99Ms() < 0 ? null : obj("p50", s.latencyP50Ms(), "p99", s.latencyP99Ms()),
        "snapshot",
        obj("tables", tables),
        "errors",
        errors,
        "maintenance",
        maintenance,
        "wal_retained_bytes",
        s.retainedBytes() < 0 ? null : s.retainedBytes());
  }

  /** A measurement, or null (JSON null) when it is not known yet (reported as negative). */
  static Long known(long value) {
    return value < 0 ? null : value;
  }

  static Double known(double value) {
    return value < 0 ? null : value;
  }

  static Map<String, Object> version(ConfigVersion v) {
    return obj(
        "version", v.version(),
        "created_at", v.createdAt(),
        "created_by", v.createdBy(),
        "comment", v.comment());
  }

  static Map<String, Object> audit(AuditEntry e) {
    return obj(
        "at", e.at(),
        "actor", e.actor(),
        "action", e.action(),
        "target", e.target(),
        "details", e.details());
  }

  static Map<String, Object> check(Check c) {
    return obj(
        "name", c.name(),
        "status",
            switch (c.status()) {
              case PASSED -> "passed";
              case WARNING -> "warning";
              case FAILED -> "failed";
            },
        "message", c.message(),
        "fix", c.fix());
  }

  static List<Object> fieldErrors(List<ConfigError> errors) {
    List<Object> list = new ArrayList<>();
    for (ConfigError e : errors) {
      list.add(obj("field", e.field(), "message", e.message()));
    }
    return list;
  }

  /** A connector type's form: its fields with their groups, in declaration order. */
  static Map<String, Object> type(String type, String title, String description, ConfigSpec spec) {
    Set<String> groups = new LinkedHashSet<>();
    List<Object> fields = new ArrayList<>();
    for (ConfigField f : spec.fields()) {
      String group = f.group() == null ? "General" : f.group();
      groups.add(group);
      fields.add(
          obj(
              "name", f.name(),
              "type", f.type().name().toLowerCase(Locale.ROOT),
              "required", f.required(),
              "default", defaultValue(f.defaultValue()),
              "secret", f.secret(),
              "group", group,
              "description", f.description(),
              "choices", f.allowed().isEmpty() ? null : f.allowed()));
    }
    return obj(
        "type", type,
        "title", title,
        "description", description,
        "groups", List.copyOf(groups),
        "fields", fields);
  }

  private static Object defaultValue(Object value) {
    if (value instanceof Duration d) {
      return DurationText.format(d);
    }
    return value;
  }
}

package io.tributary.server.http;

import static io.tributary.server.http.Json.obj;

import io.javalin.http.Context;
import io.tributary.api.DiscoveredTable;
import io.tributary.api.FatalException;
import io.tributary.api.RetriableException;
import io.tributary.api.SourceConnector;
import io.tributary.log.LogDestination;
import io.tributary.server.connector.ConnectorDetails;
import io.tributary.server.connector.ConnectorService;
import io.tributary.server.connector.ConnectorStatus;
import io.tributary.server.connector.MetricPoint;
import io.tributary.server.connector.Validation;
import io.tributary.server.security.Permission;
import io.tributary.server.store.ConfigVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The connector endpoints of docs/api.md. */
final class ConnectorRoutes {
  private static final String TAG = "connectors";
  private static final String BASE = "/api/v1/connectors";
  private static final String ONE = BASE + "/{name}";

  private final ConnectorService service;
  private final Function<String, Map<String, Object>> maintenance;

  /**
   * @param maintenance the {@code maintenance} member of a connector's status (active and next
   *     window), or null when none concerns it
   */
  ConnectorRoutes(ConnectorService service, Function<String, Map<String, Object>> maintenance) {
    this.service = service;
    this.maintenance = maintenance;
  }

  List<Route> routes() {
    return List.of(
        Route.get(
            "/api/v1/connector-types",
            Permission.READ,
            TAG,
            "Connector types and their config forms",
            this::types),
        Route.post(
            BASE + "/validate",
            Permission.READ,
            TAG,
            "Validate a connector document and run its prerequisite checks",
            this::validate),
        Route.post(
            BASE + "/discover",
            Permission.READ,
            TAG,
            "List the tables a source could capture",
            this::discover),
        Route.post(
            BASE, Permission.OPERATE, TAG, "Create a connector (and start it)", this::create),
        Route.get(BASE, Permission.READ, TAG, "List connectors", this::list),
        Route.get(
            ONE,
            Permission.READ,
            TAG,
            "A connector: config (secrets redacted), version, status",
            this::get),
        Route.put(
            ONE + "/config",
            Permission.OPERATE,
            TAG,
            "Save a new config version (a running connector restarts with it)",
            this::update),
        Route.delete(
            ONE,
            Permission.OPERATE,
            TAG,
            "Stop and delete a connector (its streams stay); drop_slot=true also drops its replication slot and publication",
            this::delete),
        Route.post(
            ONE + "/pause",
            Permission.OPERATE,
            TAG,
            "Pause capture (the source keeps the changes)",
            this::pause),
        Route.post(
            ONE + "/resume", Permission.OPERATE, TAG, "Resume a paused connector", this::resume),
        Route.post(
            ONE + "/restart",
            Permission.OPERATE,
            TAG,
            "Restart a connector with its current config",
            this::restart),
        Route.post(
            ONE + "/snapshot",
            Permission.OPERATE,
            TAG,
            "Copy tables again while streaming (a re-snapshot)",
            this::snapshot),
        Route.get(
            ONE + "/status", Permission.READ, TAG, "A connector's state and metrics", this::status),
        Route.get(
            ONE + "/metrics",
            Permission.READ,
            TAG,
            "Throughput and lag over the last minutes, one point per 10 s",
            this::metrics),
        Route.get(
            ONE + "/versions",
            Permission.READ,
            TAG,
            "Config versions, newest first",
            this::versions),
        Route.get(
            ONE + "/versions/{version}",
            Permission.READ,
            TAG,
            "One config version's document",
            this::version),
        Route.post(
            ONE + "/rollback",
            Permission.OPERATE,
            TAG,
            "Make an earlier version current again (as a new version)",
            this::rollback));
  }

  private void types(Context ctx, Caller caller) {
    List<Object> types = new ArrayList<>();
    for (String type : service.connectors().types()) {
      SourceConnector c = service.connectors().find(type).orElseThrow();
      types.add(Views.type(type, title(type), description(type), c.configSpec()));
    }
    List<Object> destinations =
        List.of(
            Views.type(
                "log",
                "Embedded log",
                "Tributary's durable log on this server's disk (the default).",
                LogDestination.SPEC));
    Json.ok(ctx, obj("types", types, "destinations", destinations));
  }

  private void validate(Context ctx, Caller caller) {
    Validation v = service.validate(document(ctx));
    Json.ok(
        ctx,
        obj(
            "valid", v.valid(),
            "errors", Views.fieldErrors(v.errors()),
            "checks", v.checks().stream().map(Views::check).toList()));
  }

  private void discover(Context ctx, Caller caller) {
    Map<String, Object> body = Json.object(ctx);
    if (!(body.get("source") instanceof Map<?, ?> source)) {
      throw ApiException.badRequest("the body needs a 'source' object with the connection fields");
    }
    List<DiscoveredTable> tables;
    try {
      tables = service.discover(stringKeys(source));
    } catch (FatalException | RetriableException e) {
      throw new ApiException(400, "source_unavailable", e.getMessage());
    }
    List<Object> list = new ArrayList<>();
    for (DiscoveredTable t : tables) {
      list.add(
          obj(
              "schema", t.schema(),
              "name", t.name(),
              "qualified", t.qualifiedName(),
              "primary_key", t.primaryKey(),
              "estimated_rows", t.estimatedRows()));
    }
    Json.ok(ctx, obj("tables", list));
  }

  private void create(Context ctx, Caller caller) {
    Map<String, Object> body = Json.object(ctx);
    boolean start = flag(body.remove("start"), "start", true);
    body.remove("comment");
    ConnectorDetails d = service.create(body, start, caller.name());
    ctx.header("Location", BASE + "/" + d.name());
    Json.write(ctx, 201, details(d));
  }

  private void list(Context ctx, Caller caller) {
    Json.ok(ctx, obj("connectors", service.list().stream().map(Views::summary).toList()));
  }

  private void get(Context ctx, Caller caller) {
    Json.ok(ctx, details(service.details(ctx.pathParam("name"))));
  }

  private void update(Context ctx, Caller caller) {
    Map<String, Object> body = Json.object(ctx);
    Object comment = body.remove("comment");
    if (comment != null && !(comment instanceof String)) {
      throw ApiException.badRequest("'comment' must be a string");
    }
    String name = ctx.pathParam("name");
    Json.ok(ctx, details(service.update(name, body, (String) comment, caller.name())));
  }

  private void delete(Context ctx, Caller caller) {
    String drop = ctx.queryParam("drop_slot");
    if (drop != null && !drop.equals("true") && !drop.equals("false")) {
      throw ApiException.badRequest("'drop_slot' must be true or false, was '" + drop + "'");
    }
    service.delete(ctx.pathParam("name"), "true".equals(drop), caller.name());
    ctx.status(204);
  }

  private void pause(Context ctx, Caller caller) {
    String name = ctx.pathParam("name");
    Json.ok(ctx, status(name, service.pause(name, caller.name())));
  }

  private void resume(Context ctx, Caller caller) {
    String name = ctx.pathParam("name");
    Json.ok(ctx, status(name, service.resume(name, caller.name())));
  }

  private void restart(Context ctx, Caller caller) {
    String name = ctx.pathParam("name");
    Json.ok(ctx, status(name, service.restart(name, caller.name())));
  }

  private void snapshot(Context ctx, Caller caller) {
    String name = ctx.pathParam("name");
    List<String> tables = new ArrayList<>();
    if (!ctx.body().isBlank()) {
      Object value = Json.object(ctx).get("tables");
      if (value instanceof List<?> list && list.stream().allMatch(t -> t instanceof String)) {
        list.forEach(t -> tables.add((String) t));
      } else if (value != null) {
        throw ApiException.badRequest(
            "'tables' must be a list of table names like [\"public.orders\"] (empty: every captured table)");
      }
    }
    Json.write(ctx, 202, status(name, service.snapshot(name, tables, caller.name())));
  }

  private void status(Context ctx, Caller caller) {
    String name = ctx.pathParam("name");
    Json.ok(ctx, status(name, service.status(name)));
  }

  private void metrics(Context ctx, Caller caller) {
    String name = ctx.pathParam("name");
    int minutes = Params.intParam(ctx, "minutes", 60, 1, 60);
    List<Object> points = new ArrayList<>();
    for (MetricPoint p : service.runtimeOf(name).metrics(Duration.ofMinutes(minutes))) {
      points.add(
          obj(
              "at", p.at(),
              "events_per_second", p.eventsPerSecond(),
              "lag_bytes", Views.known(p.lagBytes()),
              "lag_seconds", Views.known(p.lagSeconds()),
              "latency_ms", p.latencyP99Ms() < 0 ? null : p.latencyP99Ms()));
    }
    Json.ok(ctx, obj("points", points));
  }

  private void versions(Context ctx, Caller caller) {
    List<ConfigVersion> versions = service.versions(ctx.pathParam("name"));
    Json.ok(ctx, obj("versions", versions.stream().map(Views::version).toList()));
  }

  private void version(Context ctx, Caller caller) {
    String name = ctx.pathParam("name");
    int version = Params.intPath(ctx, "version");
    Json.ok(ctx, obj("version", version, "config", service.versionDocument(name, version)));
  }

  private void rollback(Context ctx, Caller caller) {
    Map<String, Object> body = Json.object(ctx);
    if (!(body.get("version") instanceof Integer version)) {
      throw ApiException.badRequest(
          "the body needs 'version': the number of the version to roll back to");
    }
    Json.ok(ctx, details(service.rollback(ctx.pathParam("name"), version, caller.name())));
  }

  private Map<String, Object> details(ConnectorDetails d) {
    return Views.details(d, status(d.name(), d.status()));
  }

  private Map<String, Object> status(String name, ConnectorStatus s) {
    return Views.status(s, maintenance.apply(name));
  }

  private static Map<String, Object> document(Context ctx) {
    Map<String, Object> body = Json.object(ctx);
    body.remove("start");
    body.remove("comment");
    return body;
  }

  private static boolean flag(Object value, String field, boolean absent) {
    if (value == null) {
      return absent;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw ApiException.badRequest("'" + field + "' must be true or false");
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }

  private static String title(String type) {
    return switch (type) {
      case "postgres" -> "PostgreSQL";
      default -> type;
    };
  }

  private static String description(String type) {
    return switch (type) {
      case "postgres" ->
          "PostgreSQL 14+ through logical replication (pgoutput): a consistent snapshot, then every change in commit order.";
      default -> "";
    };
  }
}

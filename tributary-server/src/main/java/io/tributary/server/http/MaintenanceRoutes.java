package io.tributary.server.http;

import static io.tributary.server.http.Json.obj;

import io.javalin.http.Context;
import io.tributary.server.maintenance.MaintenanceWindow;
import io.tributary.server.maintenance.MaintenanceWindowJson;
import io.tributary.server.maintenance.MaintenanceWindows;
import io.tributary.server.maintenance.Occurrence;
import io.tributary.server.security.Permission;
import io.tributary.server.store.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** The maintenance-window endpoints of docs/api.md. */
public final class MaintenanceRoutes {
  private static final String TAG = "maintenance";
  private static final String BASE = "/api/v1/maintenance-windows";

  private final MaintenanceWindows windows;
  private final Predicate<String> connectorExists;
  private final AuditLog audit;
  private final Clock clock;

  public MaintenanceRoutes(
      MaintenanceWindows windows, Predicate<String> connectorExists, AuditLog audit, Clock clock) {
    this.windows = windows;
    this.connectorExists = connectorExists;
    this.audit = audit;
    this.clock = clock;
  }

  public List<Route> routes() {
    return List.of(
        Route.get(
            BASE,
            Permission.READ,
            TAG,
            "Maintenance windows with their next and active occurrence",
            this::list),
        Route.post(BASE, Permission.OPERATE, TAG, "Create a maintenance window", this::create),
        Route.get(BASE + "/{id}", Permission.READ, TAG, "A maintenance window", this::get),
        Route.put(
            BASE + "/{id}", Permission.OPERATE, TAG, "Change a maintenance window", this::update),
        Route.delete(
            BASE + "/{id}", Permission.OPERATE, TAG, "Delete a maintenance window", this::delete),
        Route.post(
            BASE + "/{id}/end",
            Permission.OPERATE,
            TAG,
            "End the window's current occurrence now",
            this::end));
  }

  /** A connector status's {@code maintenance} member: its active and next window, or null. */
  public Map<String, Object> statusOf(String connector) {
    Instant now = clock.instant();
    Optional<Occurrence> active = windows.activeFor(connector, now);
    Optional<Occurrence> next = windows.nextFor(connector, now);
    if (active.isEmpty() && next.isEmpty()) {
      return null;
    }
    return Json.tree(MaintenanceWindowJson.maintenanceStatus(active, next));
  }

  private void list(Context ctx, Caller caller) {
    Instant now = clock.instant();
    List<Object> list = new ArrayList<>();
    for (MaintenanceWindow w : windows.all()) {
      list.add(
          Json.tree(
              MaintenanceWindowJson.toListEntry(w, windows.next(w, now), windows.active(w, now))));
    }
    Json.ok(ctx, obj("windows", list));
  }

  private void get(Context ctx, Caller caller) {
    MaintenanceWindow w = existing(ctx.pathParam("id"));
    Instant now = clock.instant();
    Json.ok(
        ctx,
        Json.tree(
            MaintenanceWindowJson.toListEntry(w, windows.next(w, now), windows.active(w, now))));
  }

  private void create(Context ctx, Caller caller) {
    MaintenanceWindow w = parse(ctx, UUID.randomUUID().toString());
    windows.put(w, clock.instant());
    audit.record(
        clock.instant(), caller.name(), "maintenance.create", "maintenance/" + w.id(), describe(w));
    ctx.header("Location", BASE + "/" + w.id());
    Json.write(ctx, 201, Json.tree(MaintenanceWindowJson.toJson(w)));
  }

  private void update(Context ctx, Caller caller) {
    String id = existing(ctx.pathParam("id")).id();
    MaintenanceWindow w = parse(ctx, id);
    windows.put(w, clock.instant());
    audit.record(
        clock.instant(), caller.name(), "maintenance.update", "maintenance/" + id, describe(w));
    Json.ok(ctx, Json.tree(MaintenanceWindowJson.toJson(w)));
  }

  private void delete(Context ctx, Caller caller) {
    String id = existing(ctx.pathParam("id")).id();
    windows.delete(id);
    audit.record(clock.instant(), caller.name(), "maintenance.delete", "maintenance/" + id, "");
    ctx.status(204);
  }

  private void end(Context ctx, Caller caller) {
    String id = existing(ctx.pathParam("id")).id();
    Occurrence ended =
        windows
            .endNow(id, clock.instant())
            .orElseThrow(
                () ->
                    new ApiException(
                        409,
                        "conflict",
                        "maintenance window " + id + " is not active now; nothing to end"));
    audit.record(
        clock.instant(),
        caller.name(),
        "maintenance.end",
        "maintenance/" + id,
        "ended the occurrence that began " + ended.start());
    Json.ok(ctx, obj("window_id", id, "start", ended.start(), "ended_at", clock.instant()));
  }

  private MaintenanceWindow parse(Context ctx, String id) {
    MaintenanceWindow value =
        Json.parse(ctx, MaintenanceWindowJson::parse, id, "the maintenance window");
    Json.requireConnector(
        value.connector(),
        connectorExists,
        "the maintenance window",
        "a window that applies to every connector");
    return value;
  }

  private MaintenanceWindow existing(String id) {
    return windows
        .find(id)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "no maintenance window with id '" + id + "'; list them with GET " + BASE));
  }

  private static String describe(MaintenanceWindow w) {
    return (w.connector() == null ? "all connectors" : w.connector()) + ", " + w.duration();
  }
}

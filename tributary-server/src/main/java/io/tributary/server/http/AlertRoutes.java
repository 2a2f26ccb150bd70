package io.tributary.server.http;

import static io.tributary.server.http.Json.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tributary.server.alert.AlertRule;
import io.tributary.server.alert.AlertRuleJson;
import io.tributary.server.alert.AlertStore;
import io.tributary.server.security.Permission;
import io.tributary.server.store.AuditLog;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The alert endpoints of docs/api.md. Webhook URLs are shown without their query and user info to
 * viewers (Slack keeps its secret in the path, which only operators and admins see).
 */
public final class AlertRoutes {
  private static final String TAG = "alerts";
  private static final String BASE = "/api/v1/alert-rules";

  private final AlertStore store;
  private final Predicate<String> connectorExists;
  private final AuditLog audit;
  private final Clock clock;

  public AlertRoutes(
      AlertStore store, Predicate<String> connectorExists, AuditLog audit, Clock clock) {
    this.store = store;
    this.connectorExists = connectorExists;
    this.audit = audit;
    this.clock = clock;
  }

  public List<Route> routes() {
    return List.of(
        Route.get(BASE, Permission.READ, TAG, "Alert rules", this::list),
        Route.post(BASE, Permission.OPERATE, TAG, "Create an alert rule", this::create),
        Route.get(BASE + "/{id}", Permission.READ, TAG, "An alert rule", this::get),
        Route.put(BASE + "/{id}", Permission.OPERATE, TAG, "Change an alert rule", this::update),
        Route.delete(BASE + "/{id}", Permission.OPERATE, TAG, "Delete an alert rule", this::delete),
        Route.get(
            "/api/v1/alerts",
            Permission.READ,
            TAG,
            "Alert history, newest first, with delivery outcomes",
            this::history));
  }

  private void list(Context ctx, Caller caller) {
    Json.ok(ctx, obj("rules", store.rules().stream().map(r -> view(r, caller)).toList()));
  }

  private void get(Context ctx, Caller caller) {
    Json.ok(ctx, view(existing(ctx.pathParam("id")), caller));
  }

  private void create(Context ctx, Caller caller) {
    AlertRule rule = parse(ctx, UUID.randomUUID().toString());
    store.putRule(rule, clock.instant());
    audit.record(
        clock.instant(),
        caller.name(),
        "alert_rule.create",
        "alert-rule/" + rule.id(),
        rule.name());
    ctx.header("Location", BASE + "/" + rule.id());
    Json.write(ctx, 201, view(rule, caller));
  }

  private void update(Context ctx, Caller caller) {
    String id = existing(ctx.pathParam("id")).id();
    AlertRule rule = parse(ctx, id);
    store.putRule(rule, clock.instant());
    audit.record(
        clock.instant(), caller.name(), "alert_rule.update", "alert-rule/" + id, rule.name());
    Json.ok(ctx, view(rule, caller));
  }

  private void delete(Context ctx, Caller caller) {
    String id = existing(ctx.pathParam("id")).id();
    store.deleteRule(id);
    audit.record(clock.instant(), caller.name(), "alert_rule.delete", "alert-rule/" + id, "");
    ctx.status(204);
  }

  private void history(Context ctx, Caller caller) {
    int limit = Params.intParam(ctx, "limit", 100, 1, 1000);
    Json.ok(ctx, obj("alerts", store.history(limit).stream().map(Json::tree).toList()));
  }

  private AlertRule parse(Context ctx, String id) {
    AlertRule value = Json.parse(ctx, AlertRuleJson::parse, id, "the alert rule");
    Json.requireConnector(
        value.connector(),
        connectorExists,
        "the alert rule",
        "a rule that watches every connector");
    return value;
  }

  private AlertRule existing(String id) {
    return store
        .rule(id)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "no alert rule with id '" + id + "'; list them with GET " + BASE));
  }

  private static Map<String, Object> view(AlertRule rule, Caller caller) {
    ObjectNode json = AlertRuleJson.toJson(rule);
    if (!caller.role().allows(Permission.OPERATE)
        && json.get("webhook") instanceof ObjectNode webhook) {
      webhook.put("url", rule.webhook().redactedUrl());
    }
    return Json.tree(json);
  }
}

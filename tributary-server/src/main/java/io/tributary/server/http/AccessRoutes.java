package io.tributary.server.http;

import static io.tributary.server.http.Json.obj;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.tributary.server.security.ApiKeyToken;
import io.tributary.server.security.Permission;
import io.tributary.server.security.Role;
import io.tributary.server.security.SessionTokens;
import io.tributary.server.store.ApiKeyRecord;
import io.tributary.server.store.ApiKeyRepository;
import io.tributary.server.store.AuditLog;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** UI sessions, API keys and the audit log: who may do what, and who did what. */
final class AccessRoutes {
  private static final Duration SESSION_LIFETIME = Duration.ofHours(12);

  private final ApiKeyRepository keys;
  private final AuditLog audit;
  private final Authenticator authenticator;
  private final SecureRandom random;
  private final Clock clock;

  AccessRoutes(
      ApiKeyRepository keys,
      AuditLog audit,
      Authenticator authenticator,
      SecureRandom random,
      Clock clock) {
    this.keys = keys;
    this.audit = audit;
    this.authenticator = authenticator;
    this.random = random;
    this.clock = clock;
  }

  List<Route> routes() {
    return List.of(
        Route.post(
            "/api/v1/session",
            null,
            "session",
            "Log in with an API key (sets the session cookie)",
            this::login),
        Route.get(
            "/api/v1/session",
            Permission.READ,
            "session",
            "The key of the current session",
            this::whoami),
        Route.delete("/api/v1/session", Permission.READ, "session", "Log out", this::logout),
        Route.get(
            "/api/v1/api-keys", Permission.ADMINISTER, "api-keys", "List API keys", this::listKeys),
        Route.post(
            "/api/v1/api-keys",
            Permission.ADMINISTER,
            "api-keys",
            "Create an API key (its token is shown once)",
            this::createKey),
        Route.delete(
            "/api/v1/api-keys/{id}",
            Permission.ADMINISTER,
            "api-keys",
            "Revoke an API key",
            this::deleteKey),
        Route.get(
            "/api/v1/audit",
            Permission.READ,
            "audit",
            "Who changed what, newest first",
            this::audit));
  }

  private void login(Context ctx, Caller ignored) {
    Map<String, Object> body = Json.object(ctx);
    if (!(body.get("api_key") instanceof String token) || token.isBlank()) {
      throw ApiException.badRequest("the body needs 'api_key': the API key to log in with");
    }
    Caller caller =
        authenticator
            .byToken(token.strip())
            .orElseThrow(() -> new ApiException(401, "unauthorized", "that API key is not valid"));
    String session = new SessionTokens(random).newSessionId();
    Instant now = clock.instant();
    keys.addSession(SessionTokens.hash(session), caller.keyId(), now.plus(SESSION_LIFETIME));
    Cookie cookie = new Cookie(Authenticator.COOKIE, session);
    cookie.setHttpOnly(true);
    cookie.setSecure(true);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    cookie.setMaxAge((int) SESSION_LIFETIME.toSeconds());
    ctx.cookie(cookie);
    audit.record(now, caller.name(), "session.login", "key/" + caller.keyId(), "");
    Json.ok(ctx, obj("key", key(caller)));
  }

  private void whoami(Context ctx, Caller caller) {
    Json.ok(ctx, obj("key", key(caller)));
  }

  private void logout(Context ctx, Caller caller) {
    String session = ctx.cookie(Authenticator.COOKIE);
    if (session != null && SessionTokens.isWellFormed(session)) {
      keys.deleteSession(SessionTokens.hash(session));
    }
    ctx.removeCookie(Authenticator.COOKIE, "/");
    ctx.status(204);
  }

  private void listKeys(Context ctx, Caller caller) {
    Json.ok(
        ctx,
        obj(
            "keys",
            keys.list().stream()
                .map(
                    k ->
                        obj(
                            "id", k.id(),
                            "name", k.name(),
                            "role", k.role(),
                            "created_at", k.createdAt(),
                            "last_used_at", k.lastUsedAt()))
                .toList()));
  }

  private void createKey(Context ctx, Caller caller) {
    Map<String, Object> body = Json.object(ctx);
    if (!(body.get("name") instanceof String name) || name.isBlank() || name.length() > 100) {
      throw ApiException.badRequest(
          "the body needs 'name': what the key is for (1 to 100 characters)");
    }
    if (!(body.get("role") instanceof String roleName)) {
      throw ApiException.badRequest("the body needs 'role': admin, operator or viewer");
    }
    Role role;
    try {
      role = Role.parse(roleName);
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "invalid_config", e.getMessage());
    }
    ApiKeyToken token = ApiKeyToken.generate(random);
    Instant now = clock.instant();
    keys.add(new ApiKeyRecord(token.id(), name.strip(), role.jsonName(), token.hash(), now, null));
    audit.record(
        now,
        caller.name(),
        "api_key.create",
        "key/" + token.id(),
        name.strip() + " (" + role.jsonName() + ")");
    Json.write(
        ctx,
        201,
        obj(
            "key",
                obj(
                    "id",
                    token.id(),
                    "name",
                    name.strip(),
                    "role",
                    role.jsonName(),
                    "created_at",
                    now),
            "token", token.token()));
  }

  private void deleteKey(Context ctx, Caller caller) {
    String id = ctx.pathParam("id");
    if (id.equals(caller.keyId())) {
      throw new ApiException(409, "conflict", "a key cannot revoke itself; use another admin key");
    }
    if (!keys.delete(id)) {
      throw ApiException.notFound("no API key with id '" + id + "'");
    }
    audit.record(clock.instant(), caller.name(), "api_key.delete", "key/" + id, "");
    ctx.status(204);
  }

  private void audit(Context ctx, Caller caller) {
    String connector = ctx.queryParam("connector");
    int limit = Params.intParam(ctx, "limit", 100, 1, 1000);
    String target = connector == null || connector.isEmpty() ? null : "connector/" + connector;
    Json.ok(ctx, obj("entries", audit.latest(target, limit).stream().map(Views::audit).toList()));
  }

  private static Map<String, Object> key(Caller caller) {
    return obj("id", caller.keyId(), "name", caller.name(), "role", caller.role().jsonName());
  }
}

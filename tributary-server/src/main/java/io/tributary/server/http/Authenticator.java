package io.tributary.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tributary.server.security.ApiKeyToken;
import io.tributary.server.security.Role;
import io.tributary.server.security.SessionTokens;
import io.tributary.server.store.ApiKeyRecord;
import io.tributary.server.store.ApiKeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds out who calls: an API key in {@code Authorization: Bearer …}, or the UI's session cookie
 * (whose changing requests must also carry {@code X-Requested-With: tributary-ui}, which a
 * cross-site form cannot send). Thread-safe.
 */
final class Authenticator {
  static final String COOKIE = "tributary_session";
  static final String CSRF_HEADER = "X-Requested-With";
  static final String CSRF_VALUE = "tributary-ui";
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final ApiKeyRepository keys;
  private final Clock clock;

  Authenticator(ApiKeyRepository keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** The caller, or 401 when the request carries no valid key or session. */
  Caller authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    if (header != null) {
      if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw unauthorized("the Authorization header must be 'Bearer <api key>'");
      }
      return byToken(header.substring(7).strip())
          .orElseThrow(() -> unauthorized("the API key is not valid (revoked, or mistyped)"));
    }
    String session = ctx.cookie(COOKIE);
    if (session != null) {
      Caller caller =
          bySession(session)
              .orElseThrow(() -> unauthorized("the session has expired; log in again"));
      if (changes(ctx) && !CSRF_VALUE.equals(ctx.header(CSRF_HEADER))) {
        throw new ApiException(
            403,
            "forbidden",
            "requests that change something with a session cookie must send the header "
                + CSRF_HEADER
                + ": "
                + CSRF_VALUE);
      }
      return caller;
    }
    throw unauthorized("this needs an API key: send 'Authorization: Bearer <api key>'");
  }

  /** The caller a token authenticates, if it is a valid key. */
  Optional<Caller> byToken(String token) {
    Optional<ApiKeyToken> parsed = ApiKeyToken.parse(token);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    return keys.find(parsed.get().id())
        .filter(k -> ApiKeyToken.matches(token, k.hash()))
        .map(this::used);
  }

  private Optional<Caller> bySession(String session) {
    if (!SessionTokens.isWellFormed(session)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return keys.sessionKey(SessionTokens.hash(session), now).flatMap(keys::find).map(this::used);
  }

  private Caller used(ApiKeyRecord key) {
    Instant now = clock.instant();
    if (key.lastUsedAt() == null || key.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
      keys.touch(key.id(), now);
    }
    return new Caller(key.id(), key.name(), Role.parse(key.role()));
  }

  private static boolean changes(Context ctx) {
    HandlerType m = ctx.method();
    return !(m == HandlerType.GET || m == HandlerType.HEAD || m == HandlerType.OPTIONS);
  }

  private static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message);
  }
}

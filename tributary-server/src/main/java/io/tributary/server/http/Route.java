package io.tributary.server.http;

import io.javalin.http.HandlerType;
import io.tributary.server.security.Permission;

/**
 * One endpoint: how it is reached, who may call it, what it does. The same table registers the
 * handlers and generates the OpenAPI document, so the two cannot disagree.
 *
 * @param permission what the caller's role must allow, or null for endpoints without authentication
 * @param tag the OpenAPI tag (group) it belongs to
 * @param summary one line for the OpenAPI document
 * @param requestBody whether it takes a JSON body
 */
public record Route(
    HandlerType method,
    String path,
    Permission permission,
    String tag,
    String summary,
    boolean requestBody,
    ApiHandler handler) {

  public static Route get(
      String path, Permission permission, String tag, String summary, ApiHandler handler) {
    return new Route(HandlerType.GET, path, permission, tag, summary, false, handler);
  }

  public static Route post(
      String path, Permission permission, String tag, String summary, ApiHandler handler) {
    return new Route(HandlerType.POST, path, permission, tag, summary, true, handler);
  }

  public static Route put(
      String path, Permission permission, String tag, String summary, ApiHandler handler) {
    return new Route(HandlerType.PUT, path, permission, tag, summary, true, handler);
  }

  public static Route delete(
      String path, Permission permission, String tag, String summary, ApiHandler handler) {
    return new Route(HandlerType.DELETE, path, permission, tag, summary, false, handler);
  }
}

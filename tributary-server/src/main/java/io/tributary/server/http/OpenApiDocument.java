package io.tributary.server.http;

import static io.tributary.server.http.Json.obj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document of the API, generated from the same route table that registers the
 * handlers, so every implemented endpoint is documented and nothing else is. docs/api.md has the
 * prose and the JSON shapes.
 */
final class OpenApiDocument {
  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

  private OpenApiDocument() {}

  static Map<String, Object> of(List<Route> routes, String version) {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Route r : routes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item =
          (Map<String, Object>)
              paths.computeIfAbsent(r.path(), p -> new LinkedHashMap<String, Object>());
      item.put(r.method().name().toLowerCase(Locale.ROOT), operation(r));
    }
    return obj(
        "openapi", "3.1.0",
        "info",
            obj(
                "title",
                "Tributary control plane API",
                "version",
                version,
                "description",
                "Manage change-data-capture connectors, read their streams, schedule maintenance windows and alerts. "
                    + "Errors are {\"error\": {\"status\", \"code\", \"message\", \"fields\"}}."),
        "servers", List.of(obj("url", "/")),
        "components",
            obj(
                "securitySchemes",
                obj(
                    "apiKey",
                        obj(
                            "type",
                            "http",
                            "scheme",
                            "bearer",
                            "description",
                            "An API key: Authorization: Bearer trb_…"),
                    "session",
                        obj("type", "apiKey", "in", "cookie", "name", Authenticator.COOKIE))),
        "paths", paths);
  }

  private static Map<String, Object> operation(Route r) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", operationId(r));
    op.put("summary", r.summary());
    op.put("tags", List.of(r.tag()));
    List<Object> parameters = new ArrayList<>();
    Matcher m = PARAM.matcher(r.path());
    while (m.find()) {
      parameters.add(
          obj("name", m.group(1), "in", "path", "required", true, "schema", obj("type", "string")));
    }
    if (!parameters.isEmpty()) {
      op.put("parameters", parameters);
    }
    if (r.requestBody()) {
      op.put(
          "requestBody",
          obj(
              "required",
              false,
              "content",
              obj("application/json", obj("schema", obj("type", "object")))));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("2XX", obj("description", "success"));
    if (r.permission() != null) {
      responses.put("401", obj("description", "no valid API key or session"));
      responses.put("403", obj("description", "the key's role may not do this"));
      op.put("security", List.of(obj("apiKey", List.of()), obj("session", List.of())));
      op.put("x-permission", r.permission().name().toLowerCase(Locale.ROOT));
    } else {
      op.put("security", List.of());
    }
    responses.put(
        "4XX", obj("description", "bad request, not found or conflict; see the error's message"));
    op.put("responses", responses);
    return op;
  }

  private static String operationId(Route r) {
    StringBuilder id = new StringBuilder(r.method().name().toLowerCase(Locale.ROOT));
    for (String part : r.path().replace("/api/v1/", "").split("/")) {
      String word = part.replaceAll("[{}]", "").replace("-", " ");
      for (String w : word.split(" ")) {
        if (!w.isEmpty()) {
          id.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
      }
    }
    return id.toString();
  }
}

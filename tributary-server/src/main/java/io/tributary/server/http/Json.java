package io.tributary.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.tributary.api.config.ConfigError;
import io.tributary.api.config.Parsed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Reading request bodies and writing answers as JSON. Answers are built as trees of maps, lists and
 * scalars (Instants written as ISO-8601 strings), so their field names are exactly those of
 * docs/api.md. Thread-safe.
 */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
      new TypeReference<>() {};

  private Json() {}

  /** The body as a JSON object; 415 unless it is JSON, 400 unless it is an object. */
  static Map<String, Object> object(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(
          415,
          "unsupported_media_type",
          "send the body as JSON with the header Content-Type: application/json");
    }
    String body = ctx.body();
    if (body.isBlank()) {
      throw ApiException.badRequest("the request needs a JSON object as its body");
    }
    try {
      Map<String, Object> map = MAPPER.readValue(body, OBJECT);
      if (map == null) {
        throw ApiException.badRequest("the body must be a JSON object, not null");
      }
      return map;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "the body is not a JSON object: " + firstLine(e.getOriginalMessage()) + location(e));
    }
  }

  /**
   * The body read by {@code reader} (which reports every error at once), or 400 {@code
   * invalid_config} naming {@code what} and listing the errors.
   */
  static <T> T parse(
      Context ctx, BiFunction<JsonNode, String, Parsed<T>> reader, String id, String what) {
    JsonNode body = MAPPER.valueToTree(object(ctx));
    return switch (reader.apply(body, id)) {
      case Parsed.Valid<T> v -> v.value();
      case Parsed.Invalid<T> i -> throw ApiException.invalid(what, i.errors());
    };
  }

  /**
   * 400 unless {@code connector} is null (every connector) or names one that exists.
   *
   * @param what the document, e.g. "the alert rule"
   * @param nullMeans what null would mean, to suggest it
   */
  static void requireConnector(
      String connector, Predicate<String> exists, String what, String nullMeans) {
    if (connector != null && !exists.test(connector)) {
      throw ApiException.invalid(
          what,
          List.of(
              new ConfigError(
                  "connector",
                  "no connector named '" + connector + "'; use null for " + nullMeans)));
    }
  }

  static void write(Context ctx, int status, Object tree) {
    try {
      ctx.status(status)
          .contentType("application/json")
          .result(MAPPER.writeValueAsString(plain(tree)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("answers hold only plain values", e);
    }
  }

  static void ok(Context ctx, Object tree) {
    write(ctx, 200, tree);
  }

  /** A Jackson tree as the plain map answers are built from. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> tree(JsonNode node) {
    return MAPPER.convertValue(node, Map.class);
  }

  /** A map of alternating keys and values, keeping nulls (Map.of does not allow them). */
  static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static Object plain(Object value) {
    if (value instanceof Instant i) {
      return i.toString();
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
      return copy;
    }
    if (value instanceof Iterable<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(plain(v)));
      return copy;
    }
    return value;
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null || e.getLocation().getLineNr() < 1
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  private static String firstLine(String message) {
    String m = message == null ? "unreadable" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}

package io.tributary.server.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.config.ConfigError;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Reads the fields of one JSON object of a submitted document, adding a {@link ConfigError} with
 * the field's full path for every problem instead of stopping at the first.
 */
final class JsonObjectReader {
  private final JsonNode node;
  private final String path;
  private final List<ConfigError> errors;

  private JsonObjectReader(JsonNode node, String path, List<ConfigError> errors) {
    this.node = node;
    this.path = path;
    this.errors = errors;
  }

  /**
   * A reader of {@code node}, or empty (with an error naming {@code example}) if it is not an
   * object.
   *
   * @param path the object's own path, empty for the document
   */
  static Optional<JsonObjectReader> of(
      JsonNode node, String path, String example, List<ConfigError> errors) {
    if (node == null || !node.isObject()) {
      errors.add(
          new ConfigError(path, "must be an object like " + example + ", was " + describe(node)));
      return Optional.empty();
    }
    return Optional.of(new JsonObjectReader(node, path, errors));
  }

  /** Adds an error for every field not in {@code known}, naming the known ones. */
  void rejectUnknown(Collection<String> known, String hint) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        error(name, "unknown field" + hint + "; known fields are " + String.join(", ", known));
      }
    }
  }

  /** Whether {@code field} is present with a non-null value. */
  boolean has(String field) {
    return node.hasNonNull(field);
  }

  JsonNode get(String field) {
    return node.get(field);
  }

  /** The full path of {@code field}. */
  String path(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  void error(String field, String message) {
    errors.add(new ConfigError(path(field), message));
  }

  /**
   * The non-blank string in {@code field}; empty, with an error, if it is missing (and {@code
   * required}), blank, not a string or longer than {@code maxLength}.
   */
  Optional<String> text(String field, boolean required, int maxLength, String example) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        error(field, "is required; give " + example);
      }
      return Optional.empty();
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      error(field, "must be a non-empty string like " + example + ", was " + describe(value));
      return Optional.empty();
    }
    if (value.asText().length() > maxLength) {
      error(field, "must be at most " + maxLength + " characters, was " + value.asText().length());
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  /** {@code value}'s JSON type, with the value itself when short, for error messages. */
  static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "missing";
    }
    if (value.isNull()) {
      return "null";
    }
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "an array";
    }
    String shown = value.toString();
    return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
  }
}

package io.tributary.server.pipeline;

import io.tributary.api.config.ConfigError;
import io.tributary.api.config.Suggestions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the shape of a pipeline document: the top-level fields, the name, and that source and
 * destination are mappings. What is inside them is {@link PipelineValidator}'s concern.
 */
final class PipelineReader {
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
  static final List<String> FIELDS = List.of("name", "source", "destination");

  private PipelineReader() {}

  /**
   * The definition the document states, with every problem of its shape added to {@code errors};
   * when any was added the definition is partial and only good for finding more errors. Empty when
   * the document is not even a mapping.
   *
   * @param origin names the document in errors about it as a whole, e.g. the file name
   */
  @SuppressWarnings("unchecked")
  static Optional<PipelineDefinition> read(
      Object document, String origin, List<ConfigError> errors) {
    if (!(document instanceof Map<?, ?> map)) {
      errors.add(
          new ConfigError(
              origin,
              document == null
                  ? "the document is empty; a pipeline needs at least 'name' and 'source'"
                  : "must be a mapping with the fields name, source and destination, not "
                      + describe(document)));
      return Optional.empty();
    }
    map.keySet().stream()
        .map(String::valueOf)
        .filter(k -> !FIELDS.contains(k))
        .forEach(
            k ->
                errors.add(
                    new ConfigError(
                        k,
                        "unknown field"
                            + Suggestions.hint(k, FIELDS)
                            + " (known fields: "
                            + String.join(", ", FIELDS)
                            + ")")));
    String name = name(map.get("name"), errors);
    Object source = map.get("source");
    Object destination = map.get("destination");
    if (source == null) {
      errors.add(
          new ConfigError(
              "source",
              "is required: a mapping with the source's type and "
                  + "connection, e.g. source: {type: postgres, host: 127.0.0.1, database: shop, …}"));
    } else if (!(source instanceof Map)) {
      errors.add(
          new ConfigError(
              "source", "must be a mapping of fields (type, host, …), not " + describe(source)));
    }
    if (destination != null && !(destination instanceof Map)) {
      errors.add(
          new ConfigError(
              "destination",
              "must be a mapping of fields (type, path, …), not "
                  + describe(destination)
                  + "; leave it out to write to the embedded log under ./data"));
    }
    return Optional.of(
        new PipelineDefinition(
            name,
            source instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of(),
            destination instanceof Map<?, ?> d ? (Map<String, Object>) d : null));
  }

  private static String name(Object value, List<ConfigError> errors) {
    if (value == null) {
      errors.add(
          new ConfigError(
              "name", "is required: the pipeline's name, e.g. 'name: shop'; " + nameRule()));
      return "";
    }
    String name = String.valueOf(value);
    boolean scalar = value instanceof String || value instanceof Integer || value instanceof Long;
    if (!scalar || !NAME.matcher(name).matches()) {
      errors.add(
          new ConfigError("name", "'" + name + "' is not a valid pipeline name; " + nameRule()));
    }
    return name;
  }

  static String nameRule() {
    return "use 1 to 63 lowercase letters (a-z), digits, '_' or '-', starting with a letter or digit, "
        + "because the name becomes a directory name and the prefix of stream names";
  }

  private static String describe(Object value) {
    if (value instanceof List<?>) {
      return "a list";
    }
    return value instanceof Map<?, ?> ? "a mapping" : "the value '" + value + "'";
  }
}

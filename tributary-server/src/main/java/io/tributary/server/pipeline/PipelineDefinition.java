package io.tributary.server.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pipeline as its document states it: a name, a source and a destination, each a mapping of
 * fields. Values are kept as written, {@code ${env:…}} and {@code ${file:…}} references included,
 * so writing a definition back never reveals what the references point to. {@link
 * PipelineValidator} resolves and validates them. Immutable, nested lists and mappings included.
 *
 * @param name the pipeline's name, which names its log directory and the default stream prefix
 * @param source the source's fields, {@code type} included
 * @param destination the destination's fields, {@code type} included; null means the embedded log
 *     under {@code ./data}
 */
public record PipelineDefinition(
    String name, Map<String, Object> source, Map<String, Object> destination) {

  public PipelineDefinition {
    Objects.requireNonNull(name, "name");
    source = frozenMap(Objects.requireNonNull(source, "source"));
    destination = frozenMap(destination == null ? defaultDestination() : destination);
  }

  /** The destination of a document that names none: the embedded log under {@code ./data}. */
  public static Map<String, Object> defaultDestination() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("type", "log");
    d.put("path", "./data");
    return d;
  }

  /** The source's {@code type}, or null when the document names none. */
  public String sourceType() {
    return source.get("type") instanceof String s ? s : null;
  }

  /** The destination's {@code type}; {@code log} when the document names none. */
  public String destinationType() {
    return destination.get("type") instanceof String s ? s : "log";
  }

  // copies rather than Map.copyOf: keeps the document's order and allows empty (null) values
  private static Map<String, Object> frozenMap(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), frozen(v)));
    return Collections.unmodifiableMap(copy);
  }

  private static Object frozen(Object value) {
    if (value instanceof Map<?, ?> m) {
      return frozenMap(m);
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(v -> copy.add(frozen(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}

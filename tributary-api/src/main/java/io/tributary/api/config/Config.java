package io.tributary.api.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated configuration, frozen: values are converted to their field's type and defaults are
 * applied. Asking for an undeclared field is a programming error.
 */
public final class Config {
  private final ConfigSpec spec;
  private final Map<String, Object> values;

  Config(ConfigSpec spec, Map<String, Object> values) {
    this.spec = spec;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public ConfigSpec spec() {
    return spec;
  }

  /** All values, secrets included; use {@link #redacted()} for anything shown to people. */
  public Map<String, Object> values() {
    return values;
  }

  /** The values with every secret replaced by {@code "********"}. */
  public Map<String, Object> redacted() {
    Map<String, Object> out = new LinkedHashMap<>(values);
    spec.fields().stream()
        .filter(f -> f.secret() && out.containsKey(f.name()))
        .forEach(f -> out.put(f.name(), "********"));
    return out;
  }

  public boolean has(String name) {
    return get(name) != null;
  }

  public String getString(String name) {
    return (String) get(name);
  }

  public int getInt(String name) {
    return (Integer) get(name);
  }

  public boolean getBoolean(String name) {
    return (Boolean) get(name);
  }

  @SuppressWarnings("unchecked")
  public List<String> getList(String name) {
    Object v = get(name);
    return v == null ? List.of() : (List<String>) v;
  }

  public Duration getDuration(String name) {
    Object v = get(name);
    return v instanceof Duration d ? d : v == null ? null : ValueConverter.toDuration(v);
  }

  private Object get(String name) {
    if (spec.field(name).isEmpty()) {
      throw new IllegalArgumentException("no such config field: " + name);
    }
    return values.get(name);
  }
}

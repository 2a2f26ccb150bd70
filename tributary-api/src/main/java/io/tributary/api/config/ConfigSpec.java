package io.tributary.api.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The declared configuration of one component. {@link #validate} reports every problem at once,
 * each with its field; {@link #parse} returns a frozen {@link Config} or throws them all.
 *
 * @param fields the declared fields in form order
 * @param ignored keys accepted but not part of this spec (e.g. {@code type}, read by whoever picks
 *     the component)
 */
public record ConfigSpec(List<ConfigField> fields, Set<String> ignored) {

  public ConfigSpec {
    fields = List.copyOf(fields);
    ignored = Set.copyOf(ignored);
  }

  public ConfigSpec(List<ConfigField> fields) {
    this(fields, Set.of("type"));
  }

  public Optional<ConfigField> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * Every problem with {@code raw}; field names are prefixed with {@code prefix} (e.g. "source.").
   */
  public List<ConfigError> validate(Map<String, ?> raw, String prefix) {
    List<ConfigError> errors = new ArrayList<>();
    convert(raw, prefix, errors);
    return errors;
  }

  public List<ConfigError> validate(Map<String, ?> raw) {
    return validate(raw, "");
  }

  /** A frozen config with defaults applied, or a {@link ConfigException} listing every problem. */
  public Config parse(Map<String, ?> raw, String prefix) {
    List<ConfigError> errors = new ArrayList<>();
    Map<String, Object> values = convert(raw, prefix, errors);
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return new Config(this, values);
  }

  public Config parse(Map<String, ?> raw) {
    return parse(raw, "");
  }

  private Map<String, Object> convert(Map<String, ?> raw, String prefix, List<ConfigError> errors) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String key : raw.keySet()) {
      if (field(key).isEmpty() && !ignored.contains(key)) {
        errors.add(new ConfigError(prefix + key, unknownFieldMessage(key)));
      }
    }
    for (ConfigField f : fields) {
      Object given = raw.get(f.name());
      if (given == null) {
        if (f.required()) {
          errors.add(new ConfigError(prefix + f.name(), "is required: " + f.description()));
        }
        if (f.defaultValue() != null) {
          values.put(f.name(), f.defaultValue());
        }
        continue;
      }
      try {
        Object value = ValueConverter.convert(f, given);
        String problem = f.validator() == null ? null : f.validator().check(value);
        if (problem != null) {
          errors.add(new ConfigError(prefix + f.name(), problem));
        } else {
          values.put(f.name(), value);
        }
      } catch (IllegalArgumentException e) {
        errors.add(new ConfigError(prefix + f.name(), e.getMessage()));
      }
    }
    return values;
  }

  private String unknownFieldMessage(String key) {
    List<String> names = fields.stream().map(ConfigField::name).toList();
    return "unknown field"
        + Suggestions.hint(key, names)
        + " (known fields: "
        + String.join(", ", names)
        + ")";
  }
}

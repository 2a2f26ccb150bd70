package io.tributary.api.config;

import java.util.List;
import java.util.Objects;

/**
 * One configuration field, declared as data: the same declaration validates configs, generates the
 * UI form and the reference docs.
 *
 * @param name key in the configuration document
 * @param type value type
 * @param defaultValue value used when absent, already of the converted type, or null
 * @param required whether a value must be given (a default does not count)
 * @param secret whether the value is a secret: encrypted at rest, redacted when shown
 * @param group form section the field belongs to, e.g. {@code Connection}
 * @param description help text: what it is and what values make sense
 * @param allowed the allowed values of an {@link ConfigType#ENUM}, empty otherwise
 * @param validator extra check on the converted value, or null
 */
public record ConfigField(
    String name,
    ConfigType type,
    Object defaultValue,
    boolean required,
    boolean secret,
    String group,
    String description,
    List<String> allowed,
    Validator validator) {

  public ConfigField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    allowed = List.copyOf(allowed);
    if (type == ConfigType.ENUM && allowed.isEmpty()) {
      throw new IllegalArgumentException("enum field " + name + " needs allowed values");
    }
  }

  public static Builder builder(String name, ConfigType type) {
    return new Builder(name, type);
  }

  /** Fluent construction of a {@link ConfigField}. */
  public static final class Builder {
    private final String name;
    private final ConfigType type;
    private Object defaultValue;
    private boolean required;
    private boolean secret;
    private String group = "General";
    private String description = "";
    private List<String> allowed = List.of();
    private Validator validator;

    private Builder(String name, ConfigType type) {
      this.name = name;
      this.type = type;
      this.secret = type == ConfigType.PASSWORD;
    }

    public Builder defaultValue(Object value) {
      this.defaultValue = value;
      return this;
    }

    public Builder required() {
      this.required = true;
      return this;
    }

    public Builder secret() {
      this.secret = true;
      return this;
    }

    public Builder group(String group) {
      this.group = group;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder allowed(String... values) {
      this.allowed = List.of(values);
      return this;
    }

    public Builder validator(Validator validator) {
      this.validator = validator;
      return this;
    }

    public ConfigField build() {
      return new ConfigField(
          name, type, defaultValue, required, secret, group, description, allowed, validator);
    }
  }
}

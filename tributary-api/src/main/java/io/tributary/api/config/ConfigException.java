package io.tributary.api.config;

import io.tributary.api.FatalException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration was rejected; {@link #errors()} holds every problem found, each with its field.
 */
public class ConfigException extends FatalException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigError> errors;

  public ConfigException(List<ConfigError> errors) {
    super(
        "invalid configuration:\n"
            + errors.stream().map(e -> "  - " + e).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  public List<ConfigError> errors() {
    return errors;
  }
}

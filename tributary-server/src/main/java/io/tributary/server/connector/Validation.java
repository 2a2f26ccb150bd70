package io.tributary.server.connector;

import io.tributary.api.Check;
import io.tributary.api.config.ConfigError;
import java.util.List;

/**
 * The outcome of validating a connector document: field errors, and when there were none, the
 * source's prerequisite checks.
 */
public record Validation(List<ConfigError> errors, List<Check> checks) {
  public Validation {
    errors = List.copyOf(errors);
    checks = List.copyOf(checks);
  }

  public boolean valid() {
    return errors.isEmpty() && checks.stream().noneMatch(Check::failed);
  }
}

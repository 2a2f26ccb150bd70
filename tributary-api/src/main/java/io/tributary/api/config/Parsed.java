package io.tributary.api.config;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of reading a document (a config, an API body): the value, or every problem found in
 * it at once, each with its field. Immutable and thread-safe.
 *
 * @param <T> the type of value read
 */
public sealed interface Parsed<T> {

  /** The document was valid. */
  record Valid<T>(T value) implements Parsed<T> {
    public Valid {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The document was not valid; {@code errors} has at least one error. */
  record Invalid<T>(List<ConfigError> errors) implements Parsed<T> {
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("an invalid document has at least one error");
      }
    }
  }
}

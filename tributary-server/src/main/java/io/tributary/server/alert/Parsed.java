package io.tributary.server.alert;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of reading a submitted document: the value, or every problem found at once.
 * Immutable.
 *
 * @param <T> the value's type
 */
public sealed interface Parsed<T> {

  /** The document was valid. */
  record Valid<T>(T value) implements Parsed<T> {
    public Valid {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The document was not valid; {@code errors} is never empty. */
  record Invalid<T>(List<FieldError> errors) implements Parsed<T> {
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("an invalid document needs at least one error");
      }
    }
  }
}

package io.tributary.server.maintenance;

import java.util.List;

/**
 * The outcome of reading a request body: the value, or every problem found in it. Immutable and
 * thread-safe.
 *
 * @param <T> the type of value read
 */
public sealed interface Parsed<T> {

  /**
   * The body was valid.
   *
   * @param value what it holds
   */
  record Valid<T>(T value) implements Parsed<T> {}

  /**
   * The body was not valid.
   *
   * @param errors every problem found, at least one
   */
  record Invalid<T>(List<FieldError> errors) implements Parsed<T> {
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("an invalid body has at least one error");
      }
    }
  }
}

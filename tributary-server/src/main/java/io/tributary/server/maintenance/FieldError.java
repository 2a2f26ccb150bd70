package io.tributary.server.maintenance;

import java.util.Objects;

/**
 * One problem with one field of a request body, as the REST API reports it in {@code error.fields}.
 *
 * @param field the field's path, dotted for nested fields (e.g. {@code schedule.time_zone}); empty
 *     for the body as a whole
 * @param message what is wrong and how to fix it
 */
public record FieldError(String field, String message) {
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field.isEmpty() ? message : field + ": " + message;
  }
}

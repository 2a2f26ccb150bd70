package io.tributary.server.alert;

import java.util.Objects;

/**
 * One problem with a submitted document, as the REST API reports it in {@code error.fields}.
 * Immutable.
 *
 * @param field the dotted path of the field, e.g. {@code condition.bytes}; empty for the document
 *     as a whole
 * @param message what is wrong and how to fix it
 */
public record FieldError(String field, String message) {
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}

package io.tributary.api.config;

/**
 * One problem with one configuration field.
 *
 * @param field the field's name (dotted for nested fields, e.g. {@code source.port})
 * @param message what is wrong and how to fix it
 */
public record ConfigError(String field, String message) {
  @Override
  public String toString() {
    return field + ": " + message;
  }
}

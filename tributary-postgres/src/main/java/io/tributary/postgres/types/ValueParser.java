package io.tributary.postgres.types;

/**
 * Turns one value in a type's text format into the Java value a {@link io.tributary.api.Row} holds.
 * Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface ValueParser {

  /**
   * @param text the value in text format, never null (SQL NULL never reaches a parser)
   * @throws IllegalArgumentException if the text is not a valid value of the type
   */
  Object parse(String text);
}

package io.tributary.api.config;

/**
 * Checks one already type-converted value; returns null when valid, else the problem and its fix.
 */
@FunctionalInterface
public interface Validator {
  String check(Object value);

  static Validator range(long min, long max) {
    return v ->
        v instanceof Number n && (n.longValue() < min || n.longValue() > max)
            ? "must be between " + min + " and " + max + ", was " + v
            : null;
  }

  static Validator nonBlank() {
    return v -> v instanceof String s && s.isBlank() ? "must not be blank" : null;
  }
}

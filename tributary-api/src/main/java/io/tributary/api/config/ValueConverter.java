package io.tributary.api.config;

import java.time.Duration;
import java.util.List;

/**
 * Converts raw values (as YAML or JSON give them) to a field's type, strictly: no silent clamping.
 */
final class ValueConverter {

  private ValueConverter() {}

  static Object convert(ConfigField field, Object raw) {
    return switch (field.type()) {
      case STRING, PASSWORD -> scalar(raw);
      case INT -> toInt(raw);
      case BOOLEAN -> toBoolean(raw);
      case LIST -> toList(raw);
      case ENUM -> toEnum(field, raw);
      case DURATION -> toDuration(raw);
    };
  }

  private static String scalar(Object raw) {
    if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
      return raw.toString();
    }
    throw new IllegalArgumentException("must be a single value, not " + describe(raw));
  }

  private static Integer toInt(Object raw) {
    if (raw instanceof Integer i) {
      return i;
    }
    if (raw instanceof String s) {
      try {
        return Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be a whole number, was '" + s + "'", e);
      }
    }
    throw new IllegalArgumentException("must be a whole number, was " + describe(raw));
  }

  private static Boolean toBoolean(Object raw) {
    if (raw instanceof Boolean b) {
      return b;
    }
    if (raw instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw new IllegalArgumentException("must be true or false, was " + describe(raw));
  }

  private static List<String> toList(Object raw) {
    if (raw instanceof List<?> list) {
      return list.stream().map(ValueConverter::scalar).toList();
    }
    return List.of(scalar(raw));
  }

  private static String toEnum(ConfigField field, Object raw) {
    String s = scalar(raw);
    if (!field.allowed().contains(s)) {
      throw new IllegalArgumentException(
          "must be one of " + String.join(" | ", field.allowed()) + ", was '" + s + "'");
    }
    return s;
  }

  static Duration toDuration(Object raw) {
    String s = scalar(raw).trim();
    return DurationText.parse(s)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "must be a duration such as 500ms, 10s, 5m, 1h or 1d, was '" + s + "'"));
  }

  private static String describe(Object raw) {
    if (raw instanceof List<?>) {
      return "a list";
    }
    if (raw instanceof java.util.Map<?, ?>) {
      return "a mapping";
    }
    return "'" + raw + "'";
  }
}

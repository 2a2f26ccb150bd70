package io.tributary.server.maintenance;

import java.util.List;
import java.util.Locale;

/** The five fields of a cron expression, in order, with their ranges and names. */
enum CronUnit {
  MINUTE("minute", 0, 59),
  HOUR("hour", 0, 23),
  DAY_OF_MONTH("day-of-month", 1, 31),
  MONTH("month", 1, 12),
  // 7 is Sunday too, as in Vixie cron; CronField folds it onto 0
  DAY_OF_WEEK("day-of-week", 0, 7);

  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private final String label;
  private final int min;
  private final int max;

  CronUnit(String label, int min, int max) {
    this.label = label;
    this.min = min;
    this.max = max;
  }

  String label() {
    return label;
  }

  int min() {
    return min;
  }

  int max() {
    return max;
  }

  /** The value a name stands for ({@code JAN} → 1, {@code SUN} → 0), or -1. Case-insensitive. */
  int valueOfName(String name) {
    List<String> names =
        switch (this) {
          case MONTH -> MONTHS;
          case DAY_OF_WEEK -> DAYS;
          default -> List.of();
        };
    int index = names.indexOf(name.toUpperCase(Locale.ROOT));
    return index < 0 ? -1 : index + min;
  }

  /** How to write this field's values, for error messages. */
  String allowed() {
    return switch (this) {
      case MONTH -> "1-12 or JAN-DEC";
      case DAY_OF_WEEK -> "0-7 (0 and 7 are Sunday) or SUN-SAT";
      default -> min + "-" + max;
    };
  }

  IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("cron '" + label + "' field: " + problem);
  }
}

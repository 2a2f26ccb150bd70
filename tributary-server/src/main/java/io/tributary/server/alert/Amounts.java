package io.tributary.server.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sizes and durations as alert messages show them: {@code 12.3 MB}, {@code 2m 5s}. */
final class Amounts {
  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};

  private Amounts() {}

  /** Decimal units with at most one decimal: {@code 950 B}, {@code 12.3 MB}, {@code 1 GB}. */
  static String bytes(long bytes) {
    double value = bytes;
    int unit = 0;
    // 999.95 rounds to 1000.0: move up a unit instead of printing "1000 KB"
    while (Math.abs(value) >= 999.95 && unit < UNITS.length - 1) {
      value /= 1000;
      unit++;
    }
    return oneDecimal(value) + " " + UNITS[unit];
  }

  /** {@code 250ms}, {@code 2.5s}, {@code 45s}, {@code 2m 5s}, {@code 1h 30m}, {@code 2d 3h}. */
  static String duration(Duration d) {
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      return d.toMillis() + "ms";
    }
    if (d.compareTo(Duration.ofMinutes(1)) < 0) {
      return oneDecimal(d.toMillis() / 1000.0) + "s";
    }
    List<String> parts = new ArrayList<>();
    addPart(parts, d.toDaysPart(), "d");
    addPart(parts, d.toHoursPart(), "h");
    addPart(parts, d.toMinutesPart(), "m");
    addPart(parts, d.toSecondsPart(), "s");
    return String.join(" ", parts);
  }

  private static void addPart(List<String> parts, long amount, String unit) {
    if (amount != 0) {
      parts.add(amount + unit);
    }
  }

  private static String oneDecimal(double value) {
    return BigDecimal.valueOf(value)
        .setScale(1, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}

package io.tributary.api.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in Tributary's configs, API bodies and command lines: a whole
 * number and a unit, {@code ms}, {@code s}, {@code m}, {@code h} or {@code d} ({@code 500ms},
 * {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}). Stateless.
 */
public final class DurationText {
  /** How to write one, to complete "write …" in error messages. */
  public static final String FORMAT =
      "a whole number and a unit (ms, s, m, h, d), e.g. 30m, 2h or 1d";

  // at most 12 digits: more is out of range anyway and would overflow Duration's arithmetic
  private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");

  private DurationText() {}

  /** The duration {@code text} writes, or empty when it is not written this way. */
  public static Optional<Duration> parse(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        });
  }

  /**
   * {@code duration} in the largest unit that writes it exactly (2h, 90m, 1500ms), so that {@link
   * #parse} reads it back.
   *
   * @throws IllegalArgumentException if it is negative or not whole milliseconds
   */
  public static String format(Duration duration) {
    if (duration.isNegative() || duration.toNanosPart() % 1_000_000 != 0) {
      throw new IllegalArgumentException(
          "only whole, non-negative milliseconds can be written, got " + duration);
    }
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    if (seconds % 60 != 0 || seconds == 0) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes % 60 != 0) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    return hours % 24 != 0 ? hours + "h" : hours / 24 + "d";
  }
}

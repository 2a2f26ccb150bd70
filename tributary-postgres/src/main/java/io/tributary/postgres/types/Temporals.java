package io.tributary.postgres.types;

import java.time.LocalDateTime;

/**
 * Rewrites date/time text of a {@code DateStyle=ISO} session into ISO-8601. {@code infinity},
 * {@code -infinity} and BC values (suffix {@code " BC"}, which ISO-8601 has no plain form for) are
 * kept exactly as PostgreSQL wrote them. Fractional seconds keep the digits PostgreSQL printed.
 */
final class Temporals {
  private static final String BC = " BC";

  private Temporals() {}

  /** {@code 2024-01-02 03:04:05.123456} becomes {@code 2024-01-02T03:04:05.123456}. */
  static String timestamp(String text) {
    int space = text.indexOf(' ');
    if (space < 0 || text.endsWith(BC)) {
      return text;
    }
    return text.replace(' ', 'T');
  }

  /**
   * {@code 2024-01-02 03:04:05.123+00} becomes {@code 2024-01-02T03:04:05.123Z}. The session should
   * run with {@code TimeZone=UTC}, making the offset always {@code +00}; any other offset
   * (including historical ones with seconds, like {@code +00:53:28}) is applied to give the same
   * instant in UTC.
   */
  static String timestamptz(String text) {
    int space = text.indexOf(' ');
    if (space < 0 || text.endsWith(BC)) {
      return text;
    }
    int sign = offsetStart(text, space);
    if (text.length() - sign == 3 && text.startsWith("+00", sign)) {
      return new StringBuilder(sign + 1)
          .append(text, 0, space)
          .append('T')
          .append(text, space + 1, sign)
          .append('Z')
          .toString();
    }
    return toUtc(text, space, sign);
  }

  /**
   * {@code 03:04:05.123+02} becomes {@code 03:04:05.123+02:00}; a zero offset becomes {@code Z}.
   */
  static String timetz(String text) {
    int sign = offsetStart(text, 0);
    int offsetLength = text.length() - sign;
    if (offsetLength == 3 && text.startsWith("+00", sign)) {
      return text.substring(0, sign) + 'Z';
    }
    return offsetLength == 3 ? text + ":00" : text;
  }

  /** Where the UTC offset ({@code +HH}, {@code -HH:MM}, …) begins; the time part has no sign. */
  private static int offsetStart(String text, int from) {
    int sign = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
    if (sign <= from) {
      throw new IllegalArgumentException("no UTC offset");
    }
    return sign;
  }

  private static String toUtc(String text, int space, int sign) {
    int dot = text.indexOf('.', space);
    int secondsEnd = dot < 0 ? sign : dot;
    // The year may have more than four digits, so fields are located from the separators.
    int d1 = text.indexOf('-', 1);
    int d2 = text.indexOf('-', d1 + 1);
    LocalDateTime local =
        LocalDateTime.of(
            Integer.parseInt(text, 0, d1, 10),
            Integer.parseInt(text, d1 + 1, d2, 10),
            Integer.parseInt(text, d2 + 1, space, 10),
            Integer.parseInt(text, space + 1, space + 3, 10),
            Integer.parseInt(text, space + 4, space + 6, 10),
            Integer.parseInt(text, space + 7, secondsEnd, 10));
    LocalDateTime utc = local.minusSeconds(offsetSeconds(text, sign));
    StringBuilder out = new StringBuilder(text.length() + 2);
    pad(out, utc.getYear(), 4).append('-');
    pad(out, utc.getMonthValue(), 2).append('-');
    pad(out, utc.getDayOfMonth(), 2).append('T');
    pad(out, utc.getHour(), 2).append(':');
    pad(out, utc.getMinute(), 2).append(':');
    pad(out, utc.getSecond(), 2);
    return out.append(text, secondsEnd, sign).append('Z').toString();
  }

  /** {@code +HH}, {@code +HH:MM} or {@code +HH:MM:SS} as signed seconds east of UTC. */
  private static int offsetSeconds(String text, int sign) {
    int end = text.length();
    int seconds = Integer.parseInt(text, sign + 1, sign + 3, 10) * 3600;
    if (end >= sign + 6) {
      seconds += Integer.parseInt(text, sign + 4, sign + 6, 10) * 60;
    }
    if (end >= sign + 9) {
      seconds += Integer.parseInt(text, sign + 7, sign + 9, 10);
    }
    return text.charAt(sign) == '-' ? -seconds : seconds;
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }
}

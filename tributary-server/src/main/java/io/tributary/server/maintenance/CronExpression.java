package io.tributary.server.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A standard 5-field cron expression, {@code minute hour day-of-month month day-of-week}, read
 * strictly.
 *
 * <p>Each field is {@code *}, a number, a range {@code 1-5}, a step {@code *}{@code /15} or {@code
 * 10-50/10}, or a comma-separated list of those. Months may be written {@code JAN}–{@code DEC} and
 * days of the week {@code SUN}–{@code SAT} (case-insensitive); day-of-week 0 and 7 are both Sunday.
 * The macros {@code @hourly}, {@code @daily} (or {@code @midnight}), {@code @weekly},
 * {@code @monthly} and {@code @yearly} (or {@code @annually}) stand for their usual expressions.
 *
 * <p>Days follow Vixie cron: when both day-of-month and day-of-week are restricted, a day matches
 * if either matches ({@code 0 0 1,15 * MON} fires on the 1st, the 15th and every Monday). A field
 * written starting with {@code *} (including {@code *}{@code /2}) counts as unrestricted, as in
 * Vixie cron, and then both fields must match.
 *
 * <p>Immutable and thread-safe. Two expressions are equal when written the same way.
 */
public final class CronExpression {
  /**
   * How far {@link #nextAfter} looks ahead. Long enough for February 29th on a given weekday, the
   * rarest day an expression can name (up to 40 years apart in the Gregorian calendar).
   */
  static final int SEARCH_YEARS = 50;

  private static final String FIELDS = "minute hour day-of-month month day-of-week";
  private static final Map<String, String> MACROS =
      Map.of(
          "@hourly", "0 * * * *",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@weekly", "0 0 * * 0",
          "@monthly", "0 0 1 * *",
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *");

  private final String text;
  private final CronField minutes;
  private final CronField hours;
  private final CronField daysOfMonth;
  private final CronField months;
  private final CronField daysOfWeek;

  private CronExpression(String text, List<CronField> fields) {
    this.text = text;
    this.minutes = fields.get(0);
    this.hours = fields.get(1);
    this.daysOfMonth = fields.get(2);
    this.months = fields.get(3);
    this.daysOfWeek = fields.get(4);
  }

  /**
   * Parses {@code expression}.
   *
   * @throws IllegalArgumentException naming the field and what is wrong with it, e.g. {@code cron
   *     'hour' field: 25 is out of range 0-23}
   */
  public static CronExpression parse(String expression) {
    Objects.requireNonNull(expression, "expression");
    String text = expression.strip().replaceAll("\\s+", " ");
    if (text.isEmpty()) {
      throw new IllegalArgumentException(
          "the cron expression is empty; write 5 fields (" + FIELDS + "), e.g. '0 2 * * SUN'");
    }
    String fields = text.startsWith("@") ? macro(text) : text;
    String[] parts = fields.split(" ", -1);
    if (parts.length != 5) {
      throw new IllegalArgumentException(
          "cron needs 5 fields ("
              + FIELDS
              + "), got "
              + parts.length
              + ": '"
              + text
              + "'"
              + (parts.length == 6 ? "; seconds and years are not supported" : ""));
    }
    CronUnit[] units = CronUnit.values();
    List<CronField> parsed =
        IntStream.range(0, 5).mapToObj(i -> CronField.parse(units[i], parts[i])).toList();
    return new CronExpression(text, parsed);
  }

  private static String macro(String text) {
    String fields = MACROS.get(text.toLowerCase(Locale.ROOT));
    if (fields == null) {
      throw new IllegalArgumentException(
          "unknown cron macro '"
              + text
              + "'; use @hourly, @daily, @weekly, @monthly or @yearly, or write 5 fields ("
              + FIELDS
              + ")");
    }
    return fields;
  }

  /**
   * The first minute this expression matches strictly after {@code after}, in {@code after}'s zone.
   *
   * <p>Matching is done on the zone's wall clock. A matching local time that does not exist because
   * clocks jump forward fires at the first instant after the jump (02:30 on the day Paris moves
   * from 02:00 to 03:00 fires at 03:00). A matching local time that occurs twice because clocks
   * fall back fires once, at its first occurrence (the earlier offset).
   *
   * @return empty when the expression matches no minute in the next {@value #SEARCH_YEARS} years,
   *     such as {@code 0 0 30 2 *} (February 30th); the search is bounded so this returns quickly
   */
  public Optional<ZonedDateTime> nextAfter(ZonedDateTime after) {
    ZoneId zone = after.getZone();
    Instant afterInstant = after.toInstant();
    LocalDateTime start = after.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    LocalDate limit = start.toLocalDate().plusYears(SEARCH_YEARS);
    LocalDate day = start.toLocalDate();
    LocalTime from = start.toLocalTime();
    while (!day.isAfter(limit)) {
      if (!months.has(day.getMonthValue())) {
        day = day.withDayOfMonth(1).plusMonths(1);
      } else {
        if (matches(day)) {
          Optional<Instant> fire = firstOn(day, from, zone, afterInstant);
          if (fire.isPresent()) {
            return Optional.of(fire.get().atZone(zone));
          }
        }
        day = day.plusDays(1);
      }
      from = LocalTime.MIDNIGHT;
    }
    return Optional.empty();
  }

  /**
   * Why this expression can never fire, or empty when it can: its days of the month exist in none
   * of its months ({@code 0 0 30 2 *}).
   */
  Optional<String> whyNeverFires() {
    if (daysOfMonth.star() || !daysOfWeek.star()) {
      return Optional.empty(); // every month has a matching day, or any weekday will do
    }
    for (int m = months.first(); m >= 0; m = months.next(m + 1)) {
      if (daysOfMonth.first() <= Month.of(m).maxLength()) {
        return Optional.empty();
      }
    }
    return Optional.of(
        "'" + text + "' never fires: none of its months has the day of the month it names");
  }

  /** Whether {@code day} matches the day-of-month, month and day-of-week fields. */
  private boolean matches(LocalDate day) {
    if (!months.has(day.getMonthValue())) {
      return false;
    }
    boolean dayOfMonth = daysOfMonth.has(day.getDayOfMonth());
    boolean dayOfWeek = daysOfWeek.has(day.getDayOfWeek().getValue() % 7); // cron's Sunday is 0
    return (daysOfMonth.star() || daysOfWeek.star())
        ? dayOfMonth && dayOfWeek
        : dayOfMonth || dayOfWeek;
  }

  /**
   * The first matching time on {@code day} at or after {@code from} that is after {@code after}.
   */
  private Optional<Instant> firstOn(LocalDate day, LocalTime from, ZoneId zone, Instant after) {
    for (int h = hours.next(from.getHour()); h >= 0; h = hours.next(h + 1)) {
      int firstMinute = h == from.getHour() ? from.getMinute() : 0;
      for (int m = minutes.next(firstMinute); m >= 0; m = minutes.next(m + 1)) {
        Instant fire = instant(LocalDateTime.of(day, LocalTime.of(h, m)), zone.getRules());
        // a skipped gap time or the second pass of an overlap can map to or before `after`
        if (fire.isAfter(after)) {
          return Optional.of(fire);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The instant of a wall-clock time: the jump's end inside a gap, the earlier one in an overlap.
   */
  private static Instant instant(LocalDateTime local, ZoneRules rules) {
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      return rules.getTransition(local).getInstant();
    }
    // in an overlap the offset before the transition is the larger one, so the earlier instant
    return local.toInstant(offsets.get(0));
  }

  /**
   * The expression as written (surrounding blanks removed, inner runs of blanks made one space).
   */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CronExpression other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}

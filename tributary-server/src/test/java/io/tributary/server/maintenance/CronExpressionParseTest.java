package io.tributary.server.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionParseTest {
  private static final ZonedDateTime NEW_YEAR_2026 =
      LocalDateTime.of(2026, 1, 1, 0, 0).atZone(ZoneOffset.UTC);

  /** The first {@code count} firings from 2026-01-01T00:00Z (excluded), in UTC. */
  private static List<LocalDateTime> firings(String cron, int count) {
    CronExpression expression = CronExpression.parse(cron);
    List<LocalDateTime> firings = new ArrayList<>();
    ZonedDateTime t = NEW_YEAR_2026;
    for (int i = 0; i < count; i++) {
      t = expression.nextAfter(t).orElseThrow();
      firings.add(t.toLocalDateTime());
    }
    return firings;
  }

  private static LocalDateTime at(int month, int day, int hour, int minute) {
    return LocalDateTime.of(2026, month, day, hour, minute);
  }

  @Test
  void everyMinuteFiresOnEachMinute() {
    assertThat(firings("* * * * *", 3))
        .containsExactly(at(1, 1, 0, 1), at(1, 1, 0, 2), at(1, 1, 0, 3));
  }

  @Test
  void listsRangesAndStepsCombine() {
    assertThat(firings("0,30 9-10 * * *", 5))
        .containsExactly(
            at(1, 1, 9, 0), at(1, 1, 9, 30), at(1, 1, 10, 0), at(1, 1, 10, 30), at(1, 2, 9, 0));
    assertThat(firings("*/15 0 * * *", 3))
        .containsExactly(at(1, 1, 0, 15), at(1, 1, 0, 30), at(1, 1, 0, 45));
    assertThat(firings("10-50/20 3 * * *", 4))
        .containsExactly(at(1, 1, 3, 10), at(1, 1, 3, 30), at(1, 1, 3, 50), at(1, 2, 3, 10));
  }

  @Test
  void monthAndDayNamesAreCaseInsensitive() {
    assertThat(CronExpression.parse("0 2 * mar-Apr sun").nextAfter(NEW_YEAR_2026))
        .contains(at(3, 1, 2, 0).atZone(ZoneOffset.UTC)); // 2026-03-01 is a Sunday
    assertThat(firings("0 0 * * Mon-FRI", 6))
        .extracting(t -> t.getDayOfWeek())
        .containsExactly(
            DayOfWeek.FRIDAY,
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);
  }

  @Test
  void dayOfWeekSevenIsSundayLikeZero() {
    assertThat(firings("0 0 * * 7", 2)).containsExactly(at(1, 4, 0, 0), at(1, 11, 0, 0));
    assertThat(firings("0 0 * * 0", 2)).containsExactly(at(1, 4, 0, 0), at(1, 11, 0, 0));
    assertThat(firings("0 0 * * 5-7", 3))
        .containsExactly(at(1, 2, 0, 0), at(1, 3, 0, 0), at(1, 4, 0, 0));
  }

  @Test
  void restrictedDayOfMonthAndDayOfWeekMatchEitherDay() {
    // the 1st, the 15th and every Monday (Jan 5 and 12 are Mondays)
    assertThat(firings("0 0 1,15 * MON", 4))
        .containsExactly(at(1, 5, 0, 0), at(1, 12, 0, 0), at(1, 15, 0, 0), at(1, 19, 0, 0));
  }

  @Test
  void starDayOfMonthLeavesOnlyTheDayOfWeek() {
    assertThat(firings("0 0 * * MON", 2)).containsExactly(at(1, 5, 0, 0), at(1, 12, 0, 0));
  }

  @Test
  void starStepDayOfMonthCountsAsUnrestrictedAsInVixieCron() {
    // both must match: odd days of the month that are Mondays (Jan 5, Jan 19, Feb 9)
    assertThat(firings("0 0 */2 * MON", 3))
        .containsExactly(at(1, 5, 0, 0), at(1, 19, 0, 0), at(2, 9, 0, 0));
  }

  @Test
  void starDayOfWeekLeavesOnlyTheDayOfMonth() {
    assertThat(firings("0 0 13 * *", 2)).containsExactly(at(1, 13, 0, 0), at(2, 13, 0, 0));
  }

  @ParameterizedTest
  @CsvSource({
    "@hourly, 0 * * * *",
    "@daily, 0 0 * * *",
    "@midnight, 0 0 * * *",
    "@weekly, 0 0 * * 0",
    "@monthly, 0 0 1 * *",
    "@yearly, 0 0 1 1 *",
    "@annually, 0 0 1 1 *",
    "@DAILY, 0 0 * * *"
  })
  void macrosStandForTheirExpressions(String macro, String expression) {
    assertThat(firings(macro, 3)).isEqualTo(firings(expression, 3));
  }

  @Test
  void macrosFireWhenExpected() {
    assertThat(firings("@weekly", 1)).containsExactly(at(1, 4, 0, 0));
    assertThat(firings("@monthly", 1)).containsExactly(at(2, 1, 0, 0));
    assertThat(firings("@hourly", 1)).containsExactly(at(1, 1, 1, 0));
  }

  @Test
  void givesBackTheExpressionAsWritten() {
    assertThat(CronExpression.parse("0 2 * * SUN")).hasToString("0 2 * * SUN");
    assertThat(CronExpression.parse("@weekly")).hasToString("@weekly");
    assertThat(CronExpression.parse("  0   2 * *\tsun ")).hasToString("0 2 * * sun");
  }

  @Test
  void expressionsWrittenTheSameWayAreEqual() {
    assertThat(CronExpression.parse("0 2 * * SUN"))
        .isEqualTo(CronExpression.parse(" 0 2  * * SUN"))
        .hasSameHashCodeAs(CronExpression.parse("0 2 * * SUN"))
        .isNotEqualTo(CronExpression.parse("0 3 * * SUN"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 2 * *        | cron needs 5 fields (minute hour day-of-month month day-of-week), got 4: '0 2 * *'",
        "0 0 2 * * *    | got 6: '0 0 2 * * *'; seconds and years are not supported",
        "''             | the cron expression is empty",
        "@reboot        | unknown cron macro '@reboot'; use @hourly, @daily",
        "60 * * * *     | cron 'minute' field: 60 is out of range 0-59",
        "0 25 * * *     | cron 'hour' field: 25 is out of range 0-23",
        "0 0 0 * *      | cron 'day-of-month' field: 0 is out of range 1-31",
        "0 0 32 * *     | cron 'day-of-month' field: 32 is out of range 1-31",
        "0 0 * 13 *     | cron 'month' field: 13 is out of range 1-12 or JAN-DEC",
        "0 0 * * 8      | cron 'day-of-week' field: 8 is out of range 0-7 (0 and 7 are Sunday) or SUN-SAT",
        "0 0 * * 99999999999 | cron 'day-of-week' field: 99999999999 is out of range",
        "0 0 * JANUARY * | cron 'month' field: 'JANUARY' is not a valid value; allowed values are 1-12 or JAN-DEC",
        "0 0 * * MONDAY | cron 'day-of-week' field: 'MONDAY' is not a valid value",
        "0 MON * * *    | cron 'hour' field: 'MON' is not a valid value; allowed values are 0-23",
        "x * * * *      | cron 'minute' field: 'x' is not a valid value",
        "-5 * * * *     | cron 'minute' field: '-5' is missing a value",
        "5- * * * *     | cron 'minute' field: '5-' is missing a value",
        "1,,3 * * * *   | cron 'minute' field: empty item in the list '1,,3'",
        "1, * * * *     | cron 'minute' field: empty item in the list '1,'",
        "1-2-3 * * * *  | cron 'minute' field: '1-2-3' is not a range; write it as from-to",
        "50-10 * * * *  | cron 'minute' field: the range 50-10 goes backwards",
        "0 0 * DEC-JAN * | cron 'month' field: the range DEC-JAN goes backwards",
        "*/0 * * * *    | cron 'minute' field: the step in '*/0' is out of range 1-59",
        "*/60 * * * *   | cron 'minute' field: the step in '*/60' is out of range 1-59",
        "*/x * * * *    | cron 'minute' field: the step in '*/x' must be a whole number",
        "*/ * * * *     | cron 'minute' field: the step in '*/' must be a whole number",
        "*/5/2 * * * *  | cron 'minute' field: the step in '*/5/2' must be a whole number",
        "5/10 * * * *   | cron 'minute' field: the step '5/10' needs a range or *; write 5-59/10 or */10",
        "*-5 * * * *    | cron 'minute' field: '*' is not a valid value",
        "+5 * * * *     | cron 'minute' field: '+5' is not a valid value",
        "? * * * *      | cron 'minute' field: '?' is not a valid value",
        "0 0 L * *      | cron 'day-of-month' field: 'L' is not a valid value",
      })
  void rejectsMistakesNamingTheFieldAndTheProblem(String cron, String message) {
    assertThatThrownBy(() -> CronExpression.parse(cron))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void feb30IsAcceptedButNeverFires() {
    CronExpression never = CronExpression.parse("0 0 30 2 *");
    assertThat(never.nextAfter(NEW_YEAR_2026)).isEmpty();
    assertThat(never.whyNeverFires()).get().asString().contains("never fires");
  }

  @Test
  void expressionsThatCanFireHaveNoReasonNotTo() {
    assertThat(CronExpression.parse("0 0 29 2 *").whyNeverFires()).isEmpty();
    assertThat(CronExpression.parse("0 0 30,31 2,4 *").whyNeverFires()).isEmpty();
    assertThat(CronExpression.parse("0 0 30 2 MON").whyNeverFires()).isEmpty(); // Mondays
    assertThat(CronExpression.parse("0 0 31 APR,JUN,SEP,NOV *").whyNeverFires()).isPresent();
  }

  @Test
  void leapDayIsFoundAcrossTheSkippedLeapYearOf2100() {
    ZonedDateTime after = LocalDate.of(2096, 3, 1).atStartOfDay(ZoneOffset.UTC);
    assertThat(CronExpression.parse("0 0 29 2 *").nextAfter(after))
        .contains(LocalDate.of(2104, 2, 29).atStartOfDay(ZoneOffset.UTC));
  }
}

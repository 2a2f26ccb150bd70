package io.tributary.server.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * Days the clocks change: Paris springs forward 02:00→03:00 on 2026-03-29 and falls back
 * 03:00→02:00 on 2026-10-25; New York springs forward 02:00→03:00 on 2026-03-08 and falls back
 * 02:00→01:00 on 2026-11-01.
 */
class CronExpressionDaylightSavingTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static ZonedDateTime next(String cron, String after, ZoneId zone) {
    return CronExpression.parse(cron)
        .nextAfter(OffsetDateTime.parse(after).atZoneSameInstant(zone))
        .orElseThrow();
  }

  private static Instant instant(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  @Test
  void timeInTheSpringGapFiresWhenTheClocksJumpInParis() {
    ZonedDateTime fire = next("30 2 * * *", "2026-03-29T01:00+01:00", PARIS);
    assertThat(fire.toInstant()).isEqualTo(instant("2026-03-29T03:00+02:00"));
    assertThat(fire.getZone()).isEqualTo(PARIS);
  }

  @Test
  void dayAfterTheSpringGapFiresAtTheUsualTimeInParis() {
    ZonedDateTime gap = next("30 2 * * *", "2026-03-29T01:00+01:00", PARIS);
    assertThat(CronExpression.parse("30 2 * * *").nextAfter(gap).orElseThrow().toInstant())
        .isEqualTo(instant("2026-03-30T02:30+02:00"));
  }

  @Test
  void severalTimesInTheSpringGapFireOnceWhenTheClocksJump() {
    CronExpression quarterHours = CronExpression.parse("*/15 2 * * *");
    ZonedDateTime first =
        quarterHours
            .nextAfter(OffsetDateTime.parse("2026-03-29T01:00+01:00").atZoneSameInstant(PARIS))
            .orElseThrow();
    ZonedDateTime second = quarterHours.nextAfter(first).orElseThrow();
    assertThat(first.toInstant()).isEqualTo(instant("2026-03-29T03:00+02:00"));
    assertThat(second.toInstant()).isEqualTo(instant("2026-03-30T02:00+02:00"));
  }

  @Test
  void hourlyJobSkipsNoRealHourAcrossTheSpringGap() {
    CronExpression hourly = CronExpression.parse("0 * * * *");
    ZonedDateTime t =
        hourly
            .nextAfter(OffsetDateTime.parse("2026-03-29T00:30+01:00").atZoneSameInstant(PARIS))
            .orElseThrow();
    ZonedDateTime u = hourly.nextAfter(t).orElseThrow();
    assertThat(t.toInstant()).isEqualTo(instant("2026-03-29T01:00+01:00"));
    assertThat(u.toInstant()).isEqualTo(instant("2026-03-29T03:00+02:00"));
    assertThat(Duration.between(t, u)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void timeInTheAutumnOverlapFiresOnceAtTheEarlierOffsetInParis() {
    CronExpression cron = CronExpression.parse("30 2 * * *");
    ZonedDateTime first =
        cron.nextAfter(OffsetDateTime.parse("2026-10-25T00:00+02:00").atZoneSameInstant(PARIS))
            .orElseThrow();
    ZonedDateTime second = cron.nextAfter(first).orElseThrow();
    assertThat(first.toInstant()).isEqualTo(instant("2026-10-25T02:30+02:00"));
    assertThat(second.toInstant()).isEqualTo(instant("2026-10-26T02:30+01:00"));
  }

  @Test
  void searchFromTheSecondPassOfTheOverlapDoesNotFireAgain() {
    // 02:10 at +01:00 is after 02:30 at +02:00; 02:30 has fired already this day
    assertThat(next("30 2 * * *", "2026-10-25T02:10+01:00", PARIS).toInstant())
        .isEqualTo(instant("2026-10-26T02:30+01:00"));
  }

  @Test
  void timeInTheSpringGapFiresWhenTheClocksJumpInNewYork() {
    assertThat(next("0 2 * * *", "2026-03-08T00:00-05:00", NEW_YORK).toInstant())
        .isEqualTo(instant("2026-03-08T03:00-04:00"));
    assertThat(next("59 2 8 3 *", "2026-03-08T00:00-05:00", NEW_YORK).toInstant())
        .isEqualTo(instant("2026-03-08T03:00-04:00"));
  }

  @Test
  void timeInTheAutumnOverlapFiresOnceAtTheEarlierOffsetInNewYork() {
    CronExpression cron = CronExpression.parse("30 1 * * *");
    ZonedDateTime first =
        cron.nextAfter(OffsetDateTime.parse("2026-11-01T00:00-04:00").atZoneSameInstant(NEW_YORK))
            .orElseThrow();
    assertThat(first.toInstant()).isEqualTo(instant("2026-11-01T01:30-04:00"));
    assertThat(cron.nextAfter(first).orElseThrow().toInstant())
        .isEqualTo(instant("2026-11-02T01:30-05:00"));
  }

  @Test
  void weeklyWindowStaysAtTheSameLocalTimeAcrossTheChange() {
    CronExpression sundays = CronExpression.parse("0 2 * * SUN");
    ZonedDateTime before =
        sundays
            .nextAfter(OffsetDateTime.parse("2026-10-17T00:00+02:00").atZoneSameInstant(PARIS))
            .orElseThrow();
    ZonedDateTime after = sundays.nextAfter(sundays.nextAfter(before).orElseThrow()).orElseThrow();
    assertThat(before.toLocalDateTime()).hasToString("2026-10-18T02:00");
    assertThat(after.toLocalDateTime()).hasToString("2026-11-01T02:00");
    assertThat(before.getOffset()).hasToString("+02:00");
    assertThat(after.getOffset()).hasToString("+01:00");
  }

  @Test
  void firesStrictlyAfterTheGivenTime() {
    assertThat(next("0 2 * * *", "2026-06-01T02:00+02:00", PARIS).toInstant())
        .isEqualTo(instant("2026-06-02T02:00+02:00"));
    assertThat(next("* * * * *", "2026-06-01T02:00:59.999+02:00", PARIS).toInstant())
        .isEqualTo(instant("2026-06-01T02:01+02:00"));
  }
}

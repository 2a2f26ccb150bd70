package io.tributary.server.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.maintenance.WindowSchedule.Once;
import io.tributary.server.maintenance.WindowSchedule.Recurring;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WindowCalendarTest {
  private final WindowCalendar calendar = new WindowCalendar();

  private static Instant at(String utc) {
    return Instant.parse(utc);
  }

  private static MaintenanceWindow once(String id, String connector, String start, Duration d) {
    return new MaintenanceWindow(id, connector, new Once(at(start)), d, "");
  }

  private static MaintenanceWindow cron(String id, String connector, String cron, Duration d) {
    return cron(id, connector, cron, ZoneOffset.UTC, d);
  }

  private static MaintenanceWindow cron(
      String id, String connector, String cron, ZoneId zone, Duration d) {
    return new MaintenanceWindow(
        id, connector, new Recurring(CronExpression.parse(cron), zone), d, "");
  }

  private static Occurrence occurrence(String id, String start, String end) {
    return new Occurrence(id, at(start), at(end));
  }

  @Test
  void oneOffWindowIsActiveFromItsStartUntilJustBeforeItsEnd() {
    MaintenanceWindow w = once("w1", "shop", "2026-11-27T02:00:00Z", Duration.ofHours(2));
    Occurrence expected = occurrence("w1", "2026-11-27T02:00:00Z", "2026-11-27T04:00:00Z");
    assertThat(calendar.active(w, at("2026-11-27T01:59:59Z"), Set.of())).isEmpty();
    assertThat(calendar.active(w, at("2026-11-27T02:00:00Z"), Set.of())).contains(expected);
    assertThat(calendar.active(w, at("2026-11-27T03:59:59.999Z"), Set.of())).contains(expected);
    assertThat(calendar.active(w, at("2026-11-27T04:00:00Z"), Set.of())).isEmpty();
  }

  @Test
  void recurringOccurrenceThatStartedYesterdayIsStillActiveAfterMidnight() {
    MaintenanceWindow w = cron("w1", "shop", "0 23 * * *", Duration.ofHours(2));
    assertThat(calendar.active(w, at("2026-05-02T00:30:00Z"), Set.of()))
        .contains(occurrence("w1", "2026-05-01T23:00:00Z", "2026-05-02T01:00:00Z"));
  }

  @Test
  void recurringOccurrenceThatStartedLastWeekIsStillActive() {
    MaintenanceWindow w = cron("w1", "shop", "0 0 * * MON", Duration.ofDays(7));
    // 2026-05-04 is a Monday; the occurrence of 2026-04-27 runs until then
    assertThat(calendar.active(w, at("2026-05-03T23:59:00Z"), Set.of()))
        .contains(occurrence("w1", "2026-04-27T00:00:00Z", "2026-05-04T00:00:00Z"));
  }

  @Test
  void recurringWindowIsNotActiveBetweenOccurrences() {
    MaintenanceWindow w = cron("w1", "shop", "0 23 * * *", Duration.ofHours(2));
    assertThat(calendar.active(w, at("2026-05-02T01:00:00Z"), Set.of())).isEmpty();
    assertThat(calendar.active(w, at("2026-05-02T22:59:59Z"), Set.of())).isEmpty();
  }

  @Test
  void overlappingOccurrencesOfOneWindowShowTheOneEndingLast() {
    MaintenanceWindow w = cron("w1", "shop", "0 * * * *", Duration.ofHours(3));
    assertThat(calendar.active(w, at("2026-05-02T10:30:00Z"), Set.of()))
        .contains(occurrence("w1", "2026-05-02T10:00:00Z", "2026-05-02T13:00:00Z"));
  }

  @Test
  void occurrenceEndedEarlyIsSkipped() {
    MaintenanceWindow w = once("w1", "shop", "2026-11-27T02:00:00Z", Duration.ofHours(2));
    Occurrence ended = occurrence("w1", "2026-11-27T02:00:00Z", "2026-11-27T04:00:00Z");
    assertThat(calendar.active(w, at("2026-11-27T03:00:00Z"), Set.of(ended))).isEmpty();
  }

  @Test
  void recurringWindowEndedEarlyComesBackWithItsNextOccurrence() {
    MaintenanceWindow w = cron("w1", "shop", "0 2 * * *", Duration.ofHours(2));
    Set<Occurrence> ended =
        Set.of(occurrence("w1", "2026-05-01T02:00:00Z", "2026-05-01T04:00:00Z"));
    assertThat(calendar.active(w, at("2026-05-01T03:00:00Z"), ended)).isEmpty();
    assertThat(calendar.active(w, at("2026-05-02T03:00:00Z"), ended))
        .contains(occurrence("w1", "2026-05-02T02:00:00Z", "2026-05-02T04:00:00Z"));
  }

  @Test
  void endingTheLatestOfOverlappingOccurrencesLeavesTheEarlierOneRunning() {
    MaintenanceWindow w = cron("w1", "shop", "0 * * * *", Duration.ofHours(3));
    Set<Occurrence> ended =
        Set.of(occurrence("w1", "2026-05-02T10:00:00Z", "2026-05-02T13:00:00Z"));
    assertThat(calendar.active(w, at("2026-05-02T10:30:00Z"), ended))
        .contains(occurrence("w1", "2026-05-02T09:00:00Z", "2026-05-02T12:00:00Z"));
  }

  @Test
  void endedOccurrenceOfAnotherWindowDoesNotSkipThisOne() {
    MaintenanceWindow w = once("w1", "shop", "2026-11-27T02:00:00Z", Duration.ofHours(2));
    Occurrence other = occurrence("w2", "2026-11-27T02:00:00Z", "2026-11-27T04:00:00Z");
    assertThat(calendar.active(w, at("2026-11-27T03:00:00Z"), Set.of(other))).isPresent();
  }

  @Test
  void globalAndOwnWindowsOverlapAndTheOneEndingLastIsShown() {
    MaintenanceWindow global = once("global", null, "2026-05-01T01:00:00Z", Duration.ofHours(2));
    MaintenanceWindow shop = once("shop-w", "shop", "2026-05-01T02:00:00Z", Duration.ofHours(3));
    List<MaintenanceWindow> windows = List.of(global, shop);
    assertThat(calendar.activeFor("shop", at("2026-05-01T01:30:00Z"), windows, Set.of()))
        .contains(occurrence("global", "2026-05-01T01:00:00Z", "2026-05-01T03:00:00Z"));
    assertThat(calendar.activeFor("shop", at("2026-05-01T02:30:00Z"), windows, Set.of()))
        .contains(occurrence("shop-w", "2026-05-01T02:00:00Z", "2026-05-01T05:00:00Z"));
  }

  @Test
  void longerGlobalWindowWinsOverAShorterOwnWindow() {
    MaintenanceWindow global = once("global", null, "2026-05-01T01:00:00Z", Duration.ofHours(6));
    MaintenanceWindow shop = once("shop-w", "shop", "2026-05-01T02:00:00Z", Duration.ofHours(1));
    assertThat(
            calendar.activeFor("shop", at("2026-05-01T02:30:00Z"), List.of(shop, global), Set.of()))
        .map(Occurrence::windowId)
        .contains("global");
  }

  @Test
  void endingTheOwnWindowEarlyLeavesTheGlobalOneActive() {
    MaintenanceWindow global = once("global", null, "2026-05-01T01:00:00Z", Duration.ofHours(2));
    MaintenanceWindow shop = once("shop-w", "shop", "2026-05-01T02:00:00Z", Duration.ofHours(3));
    Set<Occurrence> ended =
        Set.of(occurrence("shop-w", "2026-05-01T02:00:00Z", "2026-05-01T05:00:00Z"));
    assertThat(calendar.activeFor("shop", at("2026-05-01T02:30:00Z"), List.of(global, shop), ended))
        .map(Occurrence::windowId)
        .contains("global");
  }

  @Test
  void windowsOfOtherConnectorsDoNotApply() {
    MaintenanceWindow shop = once("shop-w", "shop", "2026-05-01T02:00:00Z", Duration.ofHours(3));
    assertThat(calendar.activeFor("billing", at("2026-05-01T02:30:00Z"), List.of(shop), Set.of()))
        .isEmpty();
    assertThat(calendar.nextFor("billing", at("2026-05-01T00:00:00Z"), List.of(shop))).isEmpty();
  }

  @Test
  void sameEndGoesToTheEarliestStartThenTheLowestId() {
    MaintenanceWindow b = once("b", null, "2026-05-01T01:00:00Z", Duration.ofHours(2));
    MaintenanceWindow a = once("a", null, "2026-05-01T01:00:00Z", Duration.ofHours(2));
    MaintenanceWindow late = once("0", null, "2026-05-01T02:00:00Z", Duration.ofHours(1));
    assertThat(
            calendar.activeFor("shop", at("2026-05-01T02:30:00Z"), List.of(late, b, a), Set.of()))
        .map(Occurrence::windowId)
        .contains("a");
  }

  @Test
  void nextIsTheEarliestStartAfterNowAmongOwnAndGlobalWindows() {
    MaintenanceWindow global = cron("global", null, "0 3 * * *", Duration.ofHours(1));
    MaintenanceWindow shop = cron("shop-w", "shop", "0 2 * * *", Duration.ofHours(1));
    MaintenanceWindow billing = cron("billing-w", "billing", "0 1 * * *", Duration.ofHours(1));
    List<MaintenanceWindow> windows = List.of(global, shop, billing);
    assertThat(calendar.nextFor("shop", at("2026-05-01T00:00:00Z"), windows))
        .contains(occurrence("shop-w", "2026-05-01T02:00:00Z", "2026-05-01T03:00:00Z"));
    assertThat(calendar.nextFor("shop", at("2026-05-01T02:00:00Z"), windows))
        .contains(occurrence("global", "2026-05-01T03:00:00Z", "2026-05-01T04:00:00Z"));
  }

  @Test
  void occurrenceStartingNowIsActiveNotNext() {
    MaintenanceWindow w = cron("w1", "shop", "0 2 * * *", Duration.ofHours(1));
    Instant now = at("2026-05-01T02:00:00Z");
    assertThat(calendar.active(w, now, Set.of()).map(Occurrence::start)).contains(now);
    assertThat(calendar.next(w, now).map(Occurrence::start)).contains(at("2026-05-02T02:00:00Z"));
  }

  @Test
  void oneOffWindowThatHasStartedHasNoNextOccurrence() {
    MaintenanceWindow w = once("w1", "shop", "2026-05-01T02:00:00Z", Duration.ofHours(1));
    assertThat(calendar.next(w, at("2026-05-01T01:00:00Z")))
        .contains(occurrence("w1", "2026-05-01T02:00:00Z", "2026-05-01T03:00:00Z"));
    assertThat(calendar.next(w, at("2026-05-01T02:00:00Z"))).isEmpty();
  }

  @Test
  void nextOfSeveralWindowsStartingTogetherIsTheLongest() {
    MaintenanceWindow shortOne = once("a", null, "2026-05-01T02:00:00Z", Duration.ofHours(1));
    MaintenanceWindow longOne = once("b", null, "2026-05-01T02:00:00Z", Duration.ofHours(4));
    assertThat(calendar.nextFor("shop", at("2026-05-01T00:00:00Z"), List.of(shortOne, longOne)))
        .map(Occurrence::windowId)
        .contains("b");
  }

  @Test
  void recurringWindowInParisStartsWhenTheClocksJumpOverItsStart() {
    MaintenanceWindow w =
        cron("w1", "shop", "30 2 * * *", ZoneId.of("Europe/Paris"), Duration.ofHours(1));
    // 2026-03-29: 02:00 CET becomes 03:00 CEST, i.e. 01:00Z
    assertThat(calendar.next(w, at("2026-03-28T12:00:00Z")))
        .contains(occurrence("w1", "2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z"));
    assertThat(calendar.active(w, at("2026-03-29T01:30:00Z"), Set.of()))
        .contains(occurrence("w1", "2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z"));
  }

  @Test
  void everyMinuteWindowLastingAWeekIsStillAnsweredPromptly() {
    MaintenanceWindow w = cron("w1", "shop", "* * * * *", MaintenanceWindow.MAX_DURATION);
    long started = System.nanoTime();
    assertThat(calendar.active(w, at("2026-05-01T12:00:30Z"), Set.of()))
        .contains(occurrence("w1", "2026-05-01T12:00:00Z", "2026-05-08T12:00:00Z"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void windowThatNeverFiresIsNeverActiveNorNext() {
    MaintenanceWindow w = cron("w1", "shop", "0 0 30 2 *", Duration.ofHours(1));
    assertThat(calendar.active(w, at("2026-05-01T12:00:00Z"), Set.of())).isEmpty();
    assertThat(calendar.next(w, at("2026-05-01T12:00:00Z"))).isEmpty();
  }
}

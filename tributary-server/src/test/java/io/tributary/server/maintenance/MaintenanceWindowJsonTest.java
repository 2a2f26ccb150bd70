package io.tributary.server.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.config.ConfigError;
import io.tributary.api.config.Parsed;
import io.tributary.api.config.Parsed.Invalid;
import io.tributary.api.config.Parsed.Valid;
import io.tributary.server.maintenance.WindowSchedule.Once;
import io.tributary.server.maintenance.WindowSchedule.Recurring;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaintenanceWindowJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static MaintenanceWindow valid(String body) {
    Parsed<MaintenanceWindow> parsed = MaintenanceWindowJson.parse(json(body), "w1");
    assertThat(parsed).isInstanceOf(Valid.class);
    return ((Valid<MaintenanceWindow>) parsed).value();
  }

  private static List<ConfigError> errors(String body) {
    Parsed<MaintenanceWindow> parsed = MaintenanceWindowJson.parse(json(body), "w1");
    assertThat(parsed).isInstanceOf(Invalid.class);
    return ((Invalid<MaintenanceWindow>) parsed).errors();
  }

  /** The errors of a cron window whose body has {@code fields} added to a valid cron schedule. */
  private static List<ConfigError> cronErrors(String scheduleFields) {
    return errors(
        "{'connector': 'shop', 'schedule': {'type': 'cron', "
            + scheduleFields
            + "}, 'duration': '2h'}");
  }

  private static ConfigError only(List<ConfigError> errors) {
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  @Test
  void readsTheOneOffWindowOfTheApiGuide() {
    MaintenanceWindow w =
        valid(
            "{'connector': 'shop', 'schedule': {'type': 'once', 'start': '2026-11-27T02:00:00Z'},"
                + " 'duration': '2h', 'description': 'Black Friday freeze'}");
    assertThat(w)
        .isEqualTo(
            new MaintenanceWindow(
                "w1",
                "shop",
                new Once(Instant.parse("2026-11-27T02:00:00Z")),
                Duration.ofHours(2),
                "Black Friday freeze"));
  }

  @Test
  void readsTheRecurringGlobalWindowOfTheApiGuide() {
    MaintenanceWindow w =
        valid(
            "{'id': 'w1', 'connector': null, 'schedule': {'type': 'cron', 'cron': '0 2 * * SUN',"
                + " 'time_zone': 'Europe/Paris'}, 'duration': '90m', 'description': ''}");
    assertThat(w.connector()).isNull();
    assertThat(w.schedule())
        .isEqualTo(new Recurring(CronExpression.parse("0 2 * * SUN"), ZoneId.of("Europe/Paris")));
    assertThat(w.duration()).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void descriptionMayBeLeftOut() {
    assertThat(
            valid(
                    "{'connector': 'shop', 'schedule': {'type': 'once', 'start':"
                        + " '2026-11-27T02:00:00Z'}, 'duration': '1d'}")
                .description())
        .isEmpty();
  }

  @Test
  void writesTheDocumentedShape() {
    MaintenanceWindow once =
        new MaintenanceWindow(
            "w1",
            "shop",
            new Once(Instant.parse("2026-11-27T02:00:00Z")),
            Duration.ofHours(2),
            "x");
    MaintenanceWindow cron =
        new MaintenanceWindow(
            "w2",
            null,
            new Recurring(CronExpression.parse("0 2 * * SUN"), ZoneId.of("Europe/Paris")),
            Duration.ofMinutes(90),
            "");
    assertThat(MaintenanceWindowJson.toJson(once))
        .isEqualTo(
            json(
                "{'id': 'w1', 'connector': 'shop', 'schedule': {'type': 'once', 'start':"
                    + " '2026-11-27T02:00:00Z'}, 'duration': '2h', 'description': 'x'}"));
    assertThat(MaintenanceWindowJson.toJson(cron))
        .hasToString(
            "{\"id\":\"w2\",\"connector\":null,\"schedule\":{\"type\":\"cron\",\"cron\":\"0 2 * *"
                + " SUN\",\"time_zone\":\"Europe/Paris\"},\"duration\":\"90m\",\"description\":\"\"}");
  }

  @Test
  void windowsSurviveARoundTrip() {
    List<MaintenanceWindow> windows =
        List.of(
            new MaintenanceWindow(
                "w1",
                "shop",
                new Once(Instant.parse("2026-11-27T02:00:00.250Z")),
                Duration.ofMillis(1500),
                "freeze"),
            new MaintenanceWindow(
                "w1",
                null,
                new Recurring(CronExpression.parse("@weekly"), ZoneId.of("America/New_York")),
                Duration.ofDays(7),
                "all"),
            new MaintenanceWindow(
                "w1",
                "billing",
                new Recurring(CronExpression.parse("*/15 1-5 1,15 JAN-MAR mon"), ZoneId.of("UTC")),
                Duration.ofSeconds(45),
                ""));
    for (MaintenanceWindow w : windows) {
      assertThat(MaintenanceWindowJson.parse(MaintenanceWindowJson.toJson(w), "w1"))
          .isEqualTo(new Valid<>(w));
    }
  }

  @Test
  void listEntryAddsTheNextOccurrenceAndTheActiveEnd() {
    MaintenanceWindow w =
        new MaintenanceWindow(
            "w1", "shop", new Once(Instant.parse("2026-11-27T02:00:00Z")), Duration.ofHours(2), "");
    Occurrence next =
        new Occurrence(
            "w1", Instant.parse("2026-11-27T02:00:00Z"), Instant.parse("2026-11-27T04:00:00Z"));
    JsonNode upcoming = MaintenanceWindowJson.toListEntry(w, Optional.of(next), Optional.empty());
    assertThat(upcoming.get("next"))
        .isEqualTo(json("{'start': '2026-11-27T02:00:00Z', 'end': '2026-11-27T04:00:00Z'}"));
    assertThat(upcoming.get("active_until").isNull()).isTrue();
    assertThat(upcoming.get("schedule").get("type").asText()).isEqualTo("once");
    JsonNode running = MaintenanceWindowJson.toListEntry(w, Optional.empty(), Optional.of(next));
    assertThat(running.get("next").isNull()).isTrue();
    assertThat(running.get("active_until").asText()).isEqualTo("2026-11-27T04:00:00Z");
  }

  @Test
  void listEntryCanBeSentBackAsItIs() {
    MaintenanceWindow w =
        new MaintenanceWindow(
            "w1", "shop", new Once(Instant.parse("2026-11-27T02:00:00Z")), Duration.ofHours(2), "");
    Occurrence next =
        new Occurrence(
            "w1", Instant.parse("2026-11-27T02:00:00Z"), Instant.parse("2026-11-27T04:00:00Z"));
    JsonNode entry = MaintenanceWindowJson.toListEntry(w, Optional.of(next), Optional.of(next));
    assertThat(MaintenanceWindowJson.parse(entry, "w1")).isEqualTo(new Valid<>(w));
  }

  @Test
  void statusShowsTheActiveAndTheNextOccurrence() {
    Occurrence active =
        new Occurrence(
            "w1", Instant.parse("2026-11-27T02:00:00Z"), Instant.parse("2026-11-27T04:00:00Z"));
    Occurrence next =
        new Occurrence(
            "w2", Instant.parse("2026-11-28T02:00:00Z"), Instant.parse("2026-11-28T03:00:00Z"));
    assertThat(MaintenanceWindowJson.maintenanceStatus(Optional.of(active), Optional.of(next)))
        .isEqualTo(
            json(
                "{'active': {'window_id': 'w1', 'until': '2026-11-27T04:00:00Z'}, 'next':"
                    + " {'window_id': 'w2', 'start': '2026-11-28T02:00:00Z', 'end':"
                    + " '2026-11-28T03:00:00Z'}}"));
    assertThat(MaintenanceWindowJson.maintenanceStatus(Optional.empty(), Optional.empty()))
        .isEqualTo(json("{'active': null, 'next': null}"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThat(
            errors(
                "{'connektor': 'shop', 'schedule': {'type': 'cron', 'cron': '0 25 * *',"
                    + " 'time_zone': 'Europe/Pariss'}, 'duration': '2 hours', 'description': 5}"))
        .extracting(ConfigError::field)
        .containsExactly(
            "connektor",
            "connector",
            "schedule.cron",
            "schedule.time_zone",
            "duration",
            "description");
  }

  @Test
  void bodyThatIsNotAnObjectIsRejected() {
    ConfigError error = only(errors("[1, 2]"));
    assertThat(error.field()).isEmpty();
    assertThat(error.message()).contains("must be a JSON object");
    assertThat(MaintenanceWindowJson.parse(null, "w1")).isInstanceOf(Invalid.class);
  }

  @Test
  void unknownFieldIsRejectedWithTheKnownOnes() {
    ConfigError error =
        only(
            errors(
                "{'connector': 'shop', 'schedule': {'type': 'once', 'start':"
                    + " '2026-11-27T02:00:00Z'}, 'duration': '2h', 'durration': '3h'}"));
    assertThat(error.field()).isEqualTo("durration");
    assertThat(error.message())
        .isEqualTo(
            "unknown field (did you mean 'duration'?); the fields of a maintenance window are id,"
                + " connector, schedule, duration, description");
  }

  @Test
  void unknownScheduleFieldIsRejectedWithTheFieldsOfItsType() {
    ConfigError error =
        only(
            errors(
                "{'connector': 'shop', 'schedule': {'type': 'once', 'start':"
                    + " '2026-11-27T02:00:00Z', 'time_zone': 'UTC'}, 'duration': '2h'}"));
    assertThat(error.field()).isEqualTo("schedule.time_zone");
    assertThat(error.message()).contains("the fields of a \"once\" schedule are type, start");
  }

  @Test
  void differentIdIsRejectedButTheSameOneIsAccepted() {
    String body =
        "{'id': %s, 'connector': 'shop', 'schedule': {'type': 'once', 'start':"
            + " '2026-11-27T02:00:00Z'}, 'duration': '2h'}";
    assertThat(valid(body.formatted("'w1'")).id()).isEqualTo("w1");
    ConfigError error = only(errors(body.formatted("'w9'")));
    assertThat(error.field()).isEqualTo("id");
    assertThat(error.message()).contains("\"w9\"", "\"w1\"", "leave the field out");
    assertThat(only(errors(body.formatted("7"))).field()).isEqualTo("id");
  }

  @Test
  void missingConnectorIsRejectedSoThatNoWindowBecomesGlobalByMistake() {
    ConfigError error =
        only(
            errors(
                "{'schedule': {'type': 'once', 'start': '2026-11-27T02:00:00Z'}, 'duration':"
                    + " '2h'}"));
    assertThat(error.field()).isEqualTo("connector");
    assertThat(error.message()).contains("is required", "null for a window that pauses every");
  }

  @Test
  void connectorThatIsNotANameIsRejected() {
    String body =
        "{'connector': %s, 'schedule': {'type': 'once', 'start': '2026-11-27T02:00:00Z'},"
            + " 'duration': '2h'}";
    assertThat(only(errors(body.formatted("5"))).message()).contains("must be a connector name");
    assertThat(only(errors(body.formatted("' '"))).field()).isEqualTo("connector");
  }

  @Test
  void missingOrMalformedScheduleIsRejectedWithExamples() {
    ConfigError missing = only(errors("{'connector': 'shop', 'duration': '2h'}"));
    assertThat(missing.field()).isEqualTo("schedule");
    assertThat(missing.message())
        .contains("is required", "\"type\": \"once\"", "\"type\": \"cron\"");
    ConfigError notObject =
        only(errors("{'connector': 'shop', 'schedule': '0 2 * * *', 'duration': '2h'}"));
    assertThat(notObject.message()).startsWith("must be an object");
  }

  @Test
  void scheduleTypeIsRequiredAndMustBeKnown() {
    ConfigError missing =
        only(
            errors(
                "{'connector': 'shop', 'schedule': {'start': '2026-11-27T02:00:00Z'},"
                    + " 'duration': '2h'}"));
    assertThat(missing.field()).isEqualTo("schedule.type");
    assertThat(missing.message()).contains("is required", "\"once\"", "\"cron\"");
    ConfigError unknown =
        only(errors("{'connector': 'shop', 'schedule': {'type': 'onse'}, 'duration': '2h'}"));
    assertThat(unknown.field()).isEqualTo("schedule.type");
    assertThat(unknown.message()).contains("unknown schedule type 'onse'; did you mean 'once'?");
  }

  @Test
  void oneOffStartIsRequiredAndMustBeAnIsoTime() {
    ConfigError missing =
        only(errors("{'connector': 'shop', 'schedule': {'type': 'once'}, 'duration': '2h'}"));
    assertThat(missing.field()).isEqualTo("schedule.start");
    assertThat(missing.message()).contains("is required", "2026-11-27T02:00:00Z");
    ConfigError malformed =
        only(
            errors(
                "{'connector': 'shop', 'schedule': {'type': 'once', 'start': '2026-11-27 02:00'},"
                    + " 'duration': '2h'}"));
    assertThat(malformed.field()).isEqualTo("schedule.start");
    assertThat(malformed.message())
        .isEqualTo(
            "\"2026-11-27 02:00\" is not a time; write an ISO-8601 UTC time like"
                + " 2026-11-27T02:00:00Z");
  }

  @Test
  void cronIsRequiredAndMustBeAString() {
    ConfigError missing = only(cronErrors("'time_zone': 'UTC'"));
    assertThat(missing.field()).isEqualTo("schedule.cron");
    assertThat(missing.message()).contains("is required", "0 2 * * SUN");
    ConfigError number = only(cronErrors("'cron': 5, 'time_zone': 'UTC'"));
    assertThat(number.message()).startsWith("must be a string");
  }

  @Test
  void cronMistakeIsReportedAsTheParserExplainsIt() {
    ConfigError error = only(cronErrors("'cron': '0 25 * * *', 'time_zone': 'UTC'"));
    assertThat(error)
        .isEqualTo(new ConfigError("schedule.cron", "cron 'hour' field: 25 is out of range 0-23"));
  }

  @Test
  void cronThatNeverFiresIsRejected() {
    ConfigError error = only(cronErrors("'cron': '0 0 30 2 *', 'time_zone': 'UTC'"));
    assertThat(error.field()).isEqualTo("schedule.cron");
    assertThat(error.message()).contains("'0 0 30 2 *' never fires");
  }

  @Test
  void timeZoneIsRequired() {
    ConfigError error = only(cronErrors("'cron': '0 2 * * *'"));
    assertThat(error.field()).isEqualTo("schedule.time_zone");
    assertThat(error.message()).contains("is required", "IANA", "Europe/Paris");
    assertThat(only(cronErrors("'cron': '0 2 * * *', 'time_zone': 1")).message())
        .contains("must be a string", "IANA");
  }

  @Test
  void unknownTimeZoneMustBeAnIanaName() {
    ConfigError error = only(cronErrors("'cron': '0 2 * * *', 'time_zone': 'Paris'"));
    assertThat(error.field()).isEqualTo("schedule.time_zone");
    assertThat(error.message())
        .startsWith("unknown time zone 'Paris'")
        .endsWith("it must be an IANA time zone name like Europe/Paris or UTC");
  }

  @Test
  void misspelledTimeZoneGetsASuggestion() {
    assertThat(only(cronErrors("'cron': '0 2 * * *', 'time_zone': 'Europe/Pariss'")).message())
        .contains("did you mean 'Europe/Paris'?");
  }

  @Test
  void durationIsRequired() {
    ConfigError error =
        only(
            errors(
                "{'connector': 'shop', 'schedule': {'type': 'once', 'start': '2026-11-27T02:00:00Z'}}"));
    assertThat(error.field()).isEqualTo("duration");
    assertThat(error.message()).contains("is required", "30m, 2h or 1d");
  }

  @Test
  void durationMustBeWrittenWithAUnit() {
    String body =
        "{'connector': 'shop', 'schedule': {'type': 'once', 'start': '2026-11-27T02:00:00Z'},"
            + " 'duration': %s}";
    assertThat(only(errors(body.formatted("'2 hours'"))).message())
        .isEqualTo(
            "\"2 hours\" is not a duration; write a whole number and a unit (ms, s, m, h, d), e.g."
                + " 30m, 2h or 1d");
    assertThat(only(errors(body.formatted("7200"))).message()).startsWith("7200 is not a duration");
  }

  @Test
  void durationMustBeMoreThanZeroAndAtMostSevenDays() {
    String body =
        "{'connector': 'shop', 'schedule': {'type': 'once', 'start': '2026-11-27T02:00:00Z'},"
            + " 'duration': %s}";
    assertThat(only(errors(body.formatted("'0m'"))).message())
        .isEqualTo("must be more than 0, e.g. 30m");
    assertThat(only(errors(body.formatted("'8d'"))).message())
        .isEqualTo("\"8d\" is longer than the 7d a window may last; split it into shorter windows");
    assertThat(only(errors(body.formatted("'999999999999d'"))).field()).isEqualTo("duration");
    assertThat(valid(body.formatted("'168h'")).duration()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void descriptionMustBeAString() {
    ConfigError error =
        only(
            errors(
                "{'connector': 'shop', 'schedule': {'type': 'once', 'start':"
                    + " '2026-11-27T02:00:00Z'}, 'duration': '2h', 'description': ['a']}"));
    assertThat(error.field()).isEqualTo("description");
    assertThat(error.message()).contains("must be a string");
  }
}

package io.tributary.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.config.ConfigError;
import io.tributary.api.config.Parsed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way a submitted rule can be wrong, each reported with its field and a fix. */
class AlertRuleJsonErrorsTest {
  private static final String HOOK = "{\"url\": \"https://example.com/hook\"}";
  private final ObjectMapper mapper = new ObjectMapper();

  private List<ConfigError> errors(String document) throws Exception {
    return switch (AlertRuleJson.parse(mapper.readTree(document), "r1")) {
      case Parsed.Valid<AlertRule> v -> throw new AssertionError("accepted: " + v.value());
      case Parsed.Invalid<AlertRule> i -> i.errors();
    };
  }

  private List<ConfigError> conditionErrors(String condition) throws Exception {
    return errors("{\"name\": \"n\", \"condition\": " + condition + ", \"webhook\": " + HOOK + "}");
  }

  private List<ConfigError> webhookErrors(String webhook) throws Exception {
    return errors(
        "{\"name\": \"n\", \"condition\": {\"type\": \"connector_failed\"}, \"webhook\": "
            + webhook
            + "}");
  }

  @Test
  void reportsEveryProblemAtOnce() throws Exception {
    assertThat(
            errors(
                """
                {"name": "", "colour": "red", "condition": {"type": "lag_above"},
                 "webhook": {"url": "ftp://example.com", "format": "xml"}}
                """))
        .extracting(ConfigError::field)
        .containsExactly("colour", "name", "condition.bytes", "webhook.url", "webhook.format");
  }

  @Test
  void rejectsADocumentThatIsNotAnObject() throws Exception {
    assertThat(errors("[1, 2]"))
        .containsExactly(
            new ConfigError(
                "",
                "must be an object like {\"name\": …, \"condition\": {…}, \"webhook\": {…}}, was an"
                    + " array"));
  }

  @Test
  void requiresNameConditionAndWebhook() throws Exception {
    assertThat(errors("{}"))
        .containsExactly(
            new ConfigError("name", "is required; give \"Shop lag\""),
            new ConfigError(
                "condition",
                "must be an object like {\"type\": \"connector_failed\"}, was missing"),
            new ConfigError(
                "webhook",
                "must be an object like {\"url\": \"https://…\", \"format\": \"json\"}, was"
                    + " missing"));
  }

  @Test
  void rejectsUnknownFieldsNamingTheKnownOnes() throws Exception {
    assertThat(
            errors(
                "{\"name\": \"n\", \"enabled\": true, \"condition\": {\"type\":"
                    + " \"connector_failed\", \"for\": \"5m\"}, \"webhook\": {\"url\":"
                    + " \"https://example.com\", \"secret\": \"x\"}}"))
        .containsExactly(
            new ConfigError(
                "enabled",
                "unknown field; known fields are id, name, connector, condition, webhook"),
            new ConfigError(
                "condition.for", "unknown field for connector_failed; known fields are type"),
            new ConfigError("webhook.secret", "unknown field; known fields are url, format"));
  }

  @Test
  void rejectsBadNamesAndConnectors() throws Exception {
    String longName = "x".repeat(201);
    assertThat(
            errors(
                "{\"name\": \""
                    + longName
                    + "\", \"connector\": 42, \"condition\": {\"type\": \"connector_failed\"},"
                    + " \"webhook\": "
                    + HOOK
                    + "}"))
        .containsExactly(
            new ConfigError("name", "must be at most 200 characters, was 201"),
            new ConfigError(
                "connector", "must be a non-empty string like \"shop\" (or null for all), was 42"));
    assertThat(
            errors(
                "{\"name\": \" \", \"condition\": {\"type\": \"connector_failed\"}, \"webhook\": "
                    + HOOK
                    + "}"))
        .containsExactly(
            new ConfigError("name", "must be a non-empty string like \"Shop lag\", was \" \""));
  }

  @Test
  void rejectsAnIdThatDiffersFromTheServers() throws Exception {
    assertThat(
            errors(
                "{\"id\": \"r2\", \"name\": \"n\", \"condition\": {\"type\": \"connector_failed\"},"
                    + " \"webhook\": "
                    + HOOK
                    + "}"))
        .containsExactly(
            new ConfigError(
                "id",
                "is assigned by the server and cannot be changed; leave it out or send \"r1\""));
  }

  @Test
  void rejectsMissingAndUnknownConditionTypes() throws Exception {
    assertThat(conditionErrors("{}"))
        .containsExactly(
            new ConfigError(
                "condition.type",
                "is required; give one of connector_failed, lag_above, no_events,"
                    + " wal_retained_above"));
    assertThat(conditionErrors("{\"type\": \"cpu_above\", \"percent\": 90}"))
        .containsExactly(
            new ConfigError(
                "condition.type",
                "unknown condition type 'cpu_above'; use one of connector_failed, lag_above,"
                    + " no_events, wal_retained_above"));
  }

  @Test
  void lagAboveNeedsExactlyOneThreshold() throws Exception {
    assertThat(conditionErrors("{\"type\": \"lag_above\", \"for\": \"5m\"}"))
        .containsExactly(
            new ConfigError(
                "condition.bytes",
                "lag_above needs a threshold: bytes (e.g. 1000000) or seconds (e.g. 60)"));
    assertThat(conditionErrors("{\"type\": \"lag_above\", \"bytes\": 1, \"seconds\": 1}"))
        .containsExactly(
            new ConfigError(
                "condition.seconds",
                "give either bytes or seconds, not both: a lag_above rule watches one"));
  }

  @Test
  void bytesMustBeAPositiveWholeNumber() throws Exception {
    for (String bad : List.of("0", "-5", "1.5", "\"1MB\"", "true", "99999999999999999999")) {
      assertThat(conditionErrors("{\"type\": \"wal_retained_above\", \"bytes\": " + bad + "}"))
          .as(bad)
          .containsExactly(
              new ConfigError(
                  "condition.bytes",
                  "must be a positive whole number of bytes, e.g. 1000000 for 1 MB; was " + bad));
    }
    assertThat(conditionErrors("{\"type\": \"wal_retained_above\"}"))
        .containsExactly(
            new ConfigError(
                "condition.bytes",
                "is required; give the retained WAL threshold in bytes, e.g. 1073741824"));
  }

  @Test
  void secondsMustBeAPositiveNumberUpToAYear() throws Exception {
    for (String bad : List.of("0", "-1", "0.0001", "\"60s\"", "31536001", "1e400")) {
      assertThat(conditionErrors("{\"type\": \"lag_above\", \"seconds\": " + bad + "}"))
          .as(bad)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.field()).isEqualTo("condition.seconds");
                assertThat(e.message())
                    .startsWith(
                        "must be a positive number of seconds up to 31536000 (a year), e.g. 60;"
                            + " was ");
              });
    }
  }

  @Test
  void forMustBeADurationAndNoEventsNeedsOne() throws Exception {
    for (String bad : List.of("\"5 minutes\"", "\"5\"", "\"-5m\"", "\"5M\"", "300")) {
      assertThat(conditionErrors("{\"type\": \"lag_above\", \"bytes\": 1, \"for\": " + bad + "}"))
          .as(bad)
          .containsExactly(
              new ConfigError(
                  "condition.for",
                  "must be a duration like 30s, 5m or 1h (units: ms, s, m, h, d), was " + bad));
    }
    assertThat(conditionErrors("{\"type\": \"no_events\"}"))
        .containsExactly(
            new ConfigError(
                "condition.for",
                "is required; give how long without events should alert, e.g. 10m"));
    assertThat(conditionErrors("{\"type\": \"no_events\", \"for\": \"0s\"}"))
        .containsExactly(
            new ConfigError(
                "condition.for",
                "must be longer than 0s, e.g. 10m: every connector is without events for 0s"));
  }

  @Test
  void theWebhookNeedsAnHttpUrlWithAHost() throws Exception {
    assertThat(webhookErrors("{}"))
        .containsExactly(
            new ConfigError(
                "webhook.url", "is required; give \"https://alerts.example.com/hook\""));
    assertThat(webhookErrors("{\"url\": \"https:///hook\"}"))
        .containsExactly(
            new ConfigError(
                "webhook.url",
                "has no host; write it like https://alerts.example.com/hook; was https:/hook"));
    assertThat(webhookErrors("{\"url\": \"hooks.slack.com/services/x\"}"))
        .containsExactly(
            new ConfigError(
                "webhook.url",
                "must start with http:// or https://, e.g. https://hooks.slack.com/services/…;"
                    + " was hooks.slack.com/services/x"));
    assertThat(webhookErrors("{\"url\": \"https://example.com/a b\"}"))
        .containsExactly(
            new ConfigError(
                "webhook.url", "is not a valid URL (Illegal character in path at index 21)"));
  }

  @Test
  void urlErrorsDoNotRepeatTheUrlsCredentials() throws Exception {
    assertThat(webhookErrors("{\"url\": \"ftp://bob:hunter2@example.com/x?token=s3cret\"}"))
        .containsExactly(
            new ConfigError(
                "webhook.url",
                "must start with http:// or https://, e.g. https://hooks.slack.com/services/…;"
                    + " was ftp://********@example.com/x?********"));
  }

  @Test
  void theFormatIsJsonOrSlack() throws Exception {
    for (String bad : List.of("\"JSON\"", "\"teams\"", "1")) {
      assertThat(webhookErrors("{\"url\": \"https://example.com\", \"format\": " + bad + "}"))
          .as(bad)
          .containsExactly(
              new ConfigError(
                  "webhook.format",
                  "must be \"json\" (a JSON document) or \"slack\" (a Slack message), was " + bad));
    }
  }
}

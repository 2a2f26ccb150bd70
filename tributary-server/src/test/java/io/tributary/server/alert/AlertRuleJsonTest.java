package io.tributary.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.config.Parsed;
import io.tributary.server.alert.Condition.ConnectorFailed;
import io.tributary.server.alert.Condition.LagAbove;
import io.tributary.server.alert.Condition.NoEvents;
import io.tributary.server.alert.Condition.WalRetainedAbove;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Valid rules, read and written back. */
class AlertRuleJsonTest {
  private final ObjectMapper mapper = new ObjectMapper();

  private JsonNode json(String text) throws Exception {
    return mapper.readTree(text);
  }

  private AlertRule valid(String text) throws Exception {
    return switch (AlertRuleJson.parse(json(text), "r1")) {
      case Parsed.Valid<AlertRule> v -> v.value();
      case Parsed.Invalid<AlertRule> i -> throw new AssertionError("rejected: " + i.errors());
    };
  }

  @Test
  void readsTheDocumentedExample() throws Exception {
    AlertRule rule =
        valid(
            """
            {"id": "r1", "name": "Shop lag", "connector": "shop",
             "condition": {"type": "lag_above", "seconds": 60, "for": "5m"},
             "webhook": {"url": "https://hooks.slack.com/services/T0/B0/x", "format": "slack"}}
            """);

    assertThat(rule)
        .isEqualTo(
            new AlertRule(
                "r1",
                "Shop lag",
                "shop",
                new LagAbove(null, Duration.ofSeconds(60), Duration.ofMinutes(5)),
                new Webhook(
                    URI.create("https://hooks.slack.com/services/T0/B0/x"), Webhook.Format.SLACK)));
  }

  @Test
  void readsEveryConditionType() throws Exception {
    assertThat(condition("{\"type\": \"connector_failed\"}")).isEqualTo(new ConnectorFailed());
    assertThat(condition("{\"type\": \"lag_above\", \"bytes\": 1000000}"))
        .isEqualTo(new LagAbove(1_000_000L, null, Duration.ZERO));
    assertThat(condition("{\"type\": \"lag_above\", \"seconds\": 0.5, \"for\": \"90s\"}"))
        .isEqualTo(new LagAbove(null, Duration.ofMillis(500), Duration.ofSeconds(90)));
    assertThat(condition("{\"type\": \"no_events\", \"for\": \"10m\"}"))
        .isEqualTo(new NoEvents(Duration.ofMinutes(10)));
    assertThat(condition("{\"type\": \"wal_retained_above\", \"bytes\": 1073741824}"))
        .isEqualTo(new WalRetainedAbove(1_073_741_824L, Duration.ZERO));
    assertThat(condition("{\"type\": \"wal_retained_above\", \"bytes\": 1e9, \"for\": \"1h\"}"))
        .isEqualTo(new WalRetainedAbove(1_000_000_000L, Duration.ofHours(1)));
  }

  @Test
  void readsEveryDurationUnit() throws Exception {
    assertThat(noEventsFor("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(noEventsFor("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(noEventsFor("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(noEventsFor("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(noEventsFor("1d")).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void aMissingOrNullConnectorWatchesEveryConnectorAndTheFormatDefaultsToJson() throws Exception {
    AlertRule rule =
        valid(
            """
            {"name": "Failures", "connector": null, "condition": {"type": "connector_failed"},
             "webhook": {"url": "http://alerts.internal:8080/hook"}}
            """);

    assertThat(rule.connector()).isNull();
    assertThat(rule.webhook().format()).isEqualTo(Webhook.Format.JSON);
    assertThat(rule.id()).isEqualTo("r1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\": \"connector_failed\"}",
        "{\"type\": \"lag_above\", \"bytes\": 1000000, \"for\": \"5m\"}",
        "{\"type\": \"lag_above\", \"seconds\": 60, \"for\": \"0s\"}",
        "{\"type\": \"lag_above\", \"seconds\": 1.5, \"for\": \"1500ms\"}",
        "{\"type\": \"no_events\", \"for\": \"10m\"}",
        "{\"type\": \"wal_retained_above\", \"bytes\": 1073741824, \"for\": \"2d\"}"
      })
  void writesWhatItReadsUnchanged(String condition) throws Exception {
    for (String connector : new String[] {"null", "\"shop\""}) {
      for (String format : new String[] {"json", "slack"}) {
        JsonNode document =
            json(
                """
                {"id": "r1", "name": "A rule", "connector": %s, "condition": %s,
                 "webhook": {"url": "https://user:pw@example.com/hook?token=t", "format": "%s"}}
                """
                    .formatted(connector, condition, format));

        AlertRule rule = valid(document.toString());

        assertThat(written(rule)).isEqualTo(document);
        assertThat(valid(AlertRuleJson.toJson(rule).toString())).isEqualTo(rule);
      }
    }
  }

  @Test
  void writesTheOptionalForExplicitly() throws Exception {
    AlertRule rule =
        new AlertRule(
            "r1", "Big WAL", null, new WalRetainedAbove(1_073_741_824L, Duration.ZERO), Rules.HOOK);

    assertThat(written(rule).get("condition"))
        .isEqualTo(
            json("{\"type\": \"wal_retained_above\", \"bytes\": 1073741824, \"for\": \"0s\"}"));
  }

  // as a client reads it: the text, not the tree (whose number nodes may differ in width)
  private JsonNode written(AlertRule rule) throws Exception {
    return mapper.readTree(mapper.writeValueAsString(AlertRuleJson.toJson(rule)));
  }

  private Condition condition(String condition) throws Exception {
    return valid(
            """
            {"name": "n", "condition": %s, "webhook": {"url": "https://example.com/hook"}}
            """
                .formatted(condition))
        .condition();
  }

  private Duration noEventsFor(String duration) throws Exception {
    return ((NoEvents) condition("{\"type\": \"no_events\", \"for\": \"" + duration + "\"}"))
        .forAtLeast();
  }
}

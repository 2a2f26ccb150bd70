package io.tributary.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebhookTest {
  private final Webhook webhook =
      new Webhook(
          URI.create("https://bot:pa55@alerts.example.com:8443/hook/x?token=s3cret&team=ops"),
          Webhook.Format.JSON);

  @Test
  void redactsTheUserInfoAndTheQuery() {
    assertThat(webhook.redactedUrl())
        .isEqualTo("https://********@alerts.example.com:8443/hook/x?********");
    assertThat(webhook.origin()).isEqualTo("https://alerts.example.com:8443");
  }

  @Test
  void redactsCredentialsInAnyText() {
    assertThat(
            webhook.redact(
                "failed for https://bot:pa55@alerts.example.com:8443/hook/x?token=s3cret&team=ops"
                    + " (bot:pa55, token=s3cret&team=ops)"))
        .isEqualTo(
            "failed for https://********@alerts.example.com:8443/hook/x?********"
                + " (********, ********)");
  }

  @Test
  void acceptsOnlyHttpUrlsWithAHost() {
    assertThatThrownBy(() -> new Webhook(URI.create("file:///etc/passwd"), Webhook.Format.JSON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "webhook URL file:/etc/passwd must start with http:// or https://, e.g."
                + " https://hooks.slack.com/services/…");
    assertThatThrownBy(() -> new Webhook(URI.create("http:/hook"), Webhook.Format.SLACK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no host");
    assertThat(new Webhook(URI.create("HTTP://example.com"), Webhook.Format.SLACK).origin())
        .isEqualTo("HTTP://example.com");
  }
}

package io.tributary.server.alert;

import java.net.URI;

/** Alert rules for tests. */
final class Rules {
  static final Webhook HOOK =
      new Webhook(URI.create("https://alerts.example.com/hook"), Webhook.Format.JSON);

  private Rules() {}

  static AlertRule rule(String id, String connector, Condition condition) {
    return new AlertRule(id, "rule " + id, connector, condition, HOOK);
  }
}

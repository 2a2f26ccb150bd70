package io.tributary.server.alert;

import java.util.Objects;

/**
 * What to watch and whom to tell: when {@link #condition()} holds for a connector, an alert fires
 * and is delivered to {@link #webhook()}. Immutable; rules are equal when every component is, which
 * is how {@link AlertEvaluator} notices that a rule changed.
 *
 * @param id the server-assigned identifier
 * @param name what people call the rule; shown in every notification
 * @param connector the connector to watch, or {@code null} for every connector
 * @param condition when the alert fires
 * @param webhook where notifications go
 */
public record AlertRule(
    String id, String name, String connector, Condition condition, Webhook webhook) {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the id or name is blank or the connector is blank but not
   *     null
   */
  public AlertRule {
    requireText(id, "id");
    requireText(name, "name");
    if (connector != null && connector.isBlank()) {
      throw new IllegalArgumentException(
          "connector is blank; give a connector name or null for every connector");
    }
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(webhook, "webhook");
  }

  /** Whether this rule watches {@code connectorName}. */
  public boolean watches(String connectorName) {
    return connector == null || connector.equals(connectorName);
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("an alert rule needs a non-blank " + what);
    }
  }
}

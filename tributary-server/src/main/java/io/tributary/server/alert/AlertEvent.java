package io.tributary.server.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert changed state for one connector: it started firing or it resolved. {@link
 * AlertEvaluator} emits one per transition. Immutable.
 *
 * @param ruleId the rule's id
 * @param ruleName the rule's name
 * @param connector the connector it concerns
 * @param status whether it fires or resolved
 * @param message what happened, for people: specific, with values and thresholds
 * @param at when the evaluator saw the transition
 */
public record AlertEvent(
    String ruleId, String ruleName, String connector, Status status, String message, Instant at) {

  /** Whether the alert fires or resolved. */
  public enum Status {
    FIRING,
    RESOLVED
  }

  public AlertEvent {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(ruleName, "ruleName");
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(at, "at");
  }
}

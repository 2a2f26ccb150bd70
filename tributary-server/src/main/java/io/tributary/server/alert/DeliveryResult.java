package io.tributary.server.alert;

import java.util.Objects;

/**
 * How delivering one {@link AlertEvent} to its webhook ended. Immutable; contains no credential of
 * the webhook's URL.
 *
 * @param event the event delivered
 * @param status whether the receiver accepted it
 * @param attempts how many requests were made, 1 to the retry policy's maximum
 * @param lastHttpStatus the last response's status code, or {@code null} if no response came
 * @param lastError why the last attempt failed, or {@code null} when delivered
 */
public record DeliveryResult(
    AlertEvent event, Status status, int attempts, Integer lastHttpStatus, String lastError) {

  /** Whether the receiver accepted the event. */
  public enum Status {
    /** A 2xx response came. */
    DELIVERED,
    /** Every attempt failed, or a response said that retrying cannot help. */
    FAILED
  }

  public DeliveryResult {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(status, "status");
    if (attempts < 1) {
      throw new IllegalArgumentException("a delivery makes at least one attempt, was " + attempts);
    }
  }
}

package io.tributary.server.maintenance;

import java.time.Instant;
import java.util.Objects;

/**
 * One occurrence of a maintenance window: capture is paused from {@code start} (inclusive) to
 * {@code end} (exclusive). Two occurrences are equal when all three components are; this is how an
 * occurrence that was ended early is recognised. Immutable and thread-safe.
 *
 * @param windowId the id of the {@link MaintenanceWindow} it belongs to
 * @param start when it starts
 * @param end when it ends, after {@code start}
 */
public record Occurrence(String windowId, Instant start, Instant end) {
  public Occurrence {
    Objects.requireNonNull(windowId, "windowId");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "an occurrence ends after it starts; got start " + start + " and end " + end);
    }
  }

  /** Whether it covers {@code instant}: {@code start <= instant < end}. */
  public boolean covers(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }
}

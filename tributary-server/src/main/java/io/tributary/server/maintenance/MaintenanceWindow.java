package io.tributary.server.maintenance;

import java.time.Duration;
import java.util.Objects;

/**
 * A maintenance window: while one of its occurrences runs, capture of the connectors it applies to
 * pauses, and it resumes by itself when the occurrence ends. Immutable and thread-safe.
 *
 * @param id the window's id, assigned by the server
 * @param connector the name of the connector it applies to, or null for a global window that
 *     applies to every connector
 * @param schedule when its occurrences start
 * @param duration how long each occurrence lasts: more than zero, at most {@link #MAX_DURATION},
 *     whole milliseconds
 * @param description free text for people, possibly empty
 */
public record MaintenanceWindow(
    String id, String connector, WindowSchedule schedule, Duration duration, String description) {

  /** The longest a window may last: longer pauses risk the slot retaining too much WAL. */
  public static final Duration MAX_DURATION = Duration.ofDays(7);

  /**
   * @throws IllegalArgumentException if the id or connector is blank or the duration is out of
   *     range
   */
  public MaintenanceWindow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(description, "description");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a maintenance window's id must not be blank");
    }
    if (connector != null && connector.isBlank()) {
      throw new IllegalArgumentException(
          "a maintenance window's connector must be a name, or null for every connector");
    }
    if (!duration.isPositive() || duration.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          "a maintenance window lasts more than 0 and at most 7 days, was " + duration);
    }
    if (duration.toNanosPart() % 1_000_000 != 0) {
      throw new IllegalArgumentException(
          "a maintenance window's duration is whole milliseconds, was " + duration);
    }
  }

  /** Whether the window applies to {@code connectorName}: it is global or names that connector. */
  public boolean appliesTo(String connectorName) {
    return connector == null || connector.equals(connectorName);
  }
}

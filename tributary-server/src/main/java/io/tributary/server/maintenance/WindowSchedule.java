package io.tributary.server.maintenance;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When a maintenance window's occurrences start: once, or on a cron schedule in a time zone.
 * Immutable and thread-safe.
 */
public sealed interface WindowSchedule {

  /**
   * The first start strictly after {@code after}; empty when there is none (a one-off window that
   * has started, or a cron expression that never fires).
   */
  Optional<Instant> nextStartAfter(Instant after);

  /**
   * A one-off window.
   *
   * @param start when it starts
   */
  record Once(Instant start) implements WindowSchedule {
    public Once {
      Objects.requireNonNull(start, "start");
    }

    @Override
    public Optional<Instant> nextStartAfter(Instant after) {
      return start.isAfter(after) ? Optional.of(start) : Optional.empty();
    }
  }

  /**
   * A window that recurs whenever {@code cron} matches the wall clock of {@code zone}, so that
   * {@code 0 2 * * SUN} in Europe/Paris stays at 02:00 local time across daylight saving changes.
   * See {@link CronExpression#nextAfter} for the days the clocks change.
   *
   * @param cron when occurrences start
   * @param zone the time zone {@code cron} is read in
   */
  record Recurring(CronExpression cron, ZoneId zone) implements WindowSchedule {
    public Recurring {
      Objects.requireNonNull(cron, "cron");
      Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Optional<Instant> nextStartAfter(Instant after) {
      return cron.nextAfter(after.atZone(zone)).map(ZonedDateTime::toInstant);
    }
  }
}

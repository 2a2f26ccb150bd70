package io.tributary.server.maintenance;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Answers which maintenance occurrence is running and which comes next, from the windows, the time
 * and the occurrences ended early that the caller passes in. It holds no state and reads no clock,
 * so it is thread-safe and a scheduler may call it every second.
 *
 * <p>Cost: {@link #active} walks the occurrences that started within one window duration before
 * {@code now}; for a window firing every minute with the 7-day maximum duration that is about ten
 * thousand cheap steps, and for usual windows a handful.
 */
public final class WindowCalendar {
  /** The occurrence to show when several run: the one ending last gives the real "until". */
  private static final Comparator<Occurrence> ENDS_LATER =
      Comparator.comparing(Occurrence::end)
          .thenComparing(Occurrence::start, Comparator.reverseOrder())
          .thenComparing(Occurrence::windowId, Comparator.reverseOrder());

  /** The occurrence to show as next: the earliest start, then the longest, then the lowest id. */
  private static final Comparator<Occurrence> STARTS_EARLIER =
      Comparator.comparing(Occurrence::start)
          .thenComparing(Occurrence::end, Comparator.reverseOrder())
          .thenComparing(Occurrence::windowId);

  /**
   * The occurrence of any window applying to {@code connector} (its own or a global one) that
   * covers {@code now}, skipping those in {@code endedEarly}. When several do, the one that ends
   * last (ties: the earliest start, then the lowest window id), so that capture resumes only when
   * all are over.
   */
  public Optional<Occurrence> activeFor(
      String connector,
      Instant now,
      Collection<MaintenanceWindow> windows,
      Set<Occurrence> endedEarly) {
    Objects.requireNonNull(connector, "connector");
    return windows.stream()
        .filter(w -> w.appliesTo(connector))
        .flatMap(w -> active(w, now, endedEarly).stream())
        .max(ENDS_LATER);
  }

  /**
   * The first occurrence of any window applying to {@code connector} that starts strictly after
   * {@code now} (ties: the longest, then the lowest window id); empty when there is none.
   */
  public Optional<Occurrence> nextFor(
      String connector, Instant now, Collection<MaintenanceWindow> windows) {
    Objects.requireNonNull(connector, "connector");
    return windows.stream()
        .filter(w -> w.appliesTo(connector))
        .flatMap(w -> next(w, now).stream())
        .min(STARTS_EARLIER);
  }

  /**
   * The occurrence of {@code window} that covers {@code now} ({@code start <= now < end}) and is
   * not in {@code endedEarly}. When occurrences of the window overlap (it recurs more often than it
   * lasts), the one that started last, as it ends last.
   */
  public Optional<Occurrence> active(
      MaintenanceWindow window, Instant now, Set<Occurrence> endedEarly) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(endedEarly, "endedEarly");
    // an occurrence covers now exactly when it starts in (now - duration, now]
    Optional<Instant> start = window.schedule().nextStartAfter(now.minus(window.duration()));
    Optional<Occurrence> latest = Optional.empty();
    while (start.isPresent() && !start.get().isAfter(now)) {
      Occurrence occurrence = occurrence(window, start.get());
      if (!endedEarly.contains(occurrence)) {
        latest = Optional.of(occurrence);
      }
      start = window.schedule().nextStartAfter(start.get());
    }
    return latest;
  }

  /** The first occurrence of {@code window} that starts strictly after {@code now}. */
  public Optional<Occurrence> next(MaintenanceWindow window, Instant now) {
    return window.schedule().nextStartAfter(now).map(start -> occurrence(window, start));
  }

  private static Occurrence occurrence(MaintenanceWindow window, Instant start) {
    return new Occurrence(window.id(), start, start.plus(window.duration()));
  }
}

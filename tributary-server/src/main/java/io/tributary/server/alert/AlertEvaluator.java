package io.tributary.server.alert;

import io.tributary.server.alert.AlertEvent.Status;
import io.tributary.server.alert.Verdict.Breached;
import io.tributary.server.alert.Verdict.Clear;
import io.tributary.server.alert.Verdict.Unknown;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a stream of {@link Observation}s into {@link AlertEvent}s. Call {@link #evaluate} every few
 * seconds with the current rules and a fresh observation of every connector; it remembers, per
 * (rule, connector), since when the rule's condition has held, and emits exactly one event per
 * transition:
 *
 * <ul>
 *   <li>{@code FIRING} once the condition has held continuously for the rule's {@code forAtLeast};
 *   <li>{@code RESOLVED} once it stops holding after having fired, or when the connector is no
 *       longer observed (deleted).
 * </ul>
 *
 * <p>Nothing is repeated while an alert stays in its state. A connector that is {@code PAUSED}, in
 * {@code MAINTENANCE} or {@code STOPPED} never starts firing (and the time it spends so does not
 * count toward {@code forAtLeast}), but an alert already firing for it resolves as soon as its
 * condition ends. A rule that is removed or changed drops what was remembered for it without
 * emitting anything: a changed rule starts over, as if new. Times are measured against {@code now},
 * not against {@link Observation#at()}.
 *
 * <p>The state lives in memory only; after a restart, alerts that still hold fire again. Not
 * thread-safe: call it from one thread at a time (the server's evaluation loop).
 */
public final class AlertEvaluator {
  private record Key(String ruleId, String connector) {}

  private record Track(AlertRule rule, Instant since, boolean firing) {}

  private final Map<Key, Track> tracks = new LinkedHashMap<>();

  /**
   * Evaluates every rule against every connector it watches.
   *
   * @param rules the current rules, with unique ids
   * @param observations one fresh observation per connector that exists
   * @param now the evaluation time
   * @return the transitions since the previous call, in the order of {@code rules} then {@code
   *     observations}, followed by resolutions for connectors no longer observed
   * @throws IllegalArgumentException if two rules share an id or two observations a connector
   */
  public List<AlertEvent> evaluate(
      Collection<AlertRule> rules, Collection<Observation> observations, Instant now) {
    Map<String, AlertRule> ruleById = index(rules, AlertRule::id, "rule id");
    Map<String, Observation> observed = index(observations, Observation::connector, "connector");
    tracks.values().removeIf(t -> !t.rule().equals(ruleById.get(t.rule().id())));
    List<AlertEvent> events = new ArrayList<>();
    for (AlertRule rule : ruleById.values()) {
      for (Observation o : observed.values()) {
        if (rule.watches(o.connector())) {
          step(rule, o, now).ifPresent(events::add);
        }
      }
    }
    resolveVanished(observed, now, events);
    return events;
  }

  private Optional<AlertEvent> step(AlertRule rule, Observation o, Instant now) {
    Key key = new Key(rule.id(), o.connector());
    Track track = tracks.get(key);
    boolean firing = track != null && track.firing();
    return switch (Conditions.check(rule.condition(), o, now)) {
      case Clear c -> {
        tracks.remove(key);
        yield firing ? Optional.of(resolved(rule, o, now)) : Optional.empty();
      }
      case Unknown u -> {
        // cannot tell: a firing alert stays firing, a pending one has not held continuously
        if (!firing) {
          tracks.remove(key);
        }
        yield Optional.empty();
      }
      case Breached b -> firing ? Optional.empty() : breached(rule, o, b, track, now);
    };
  }

  private Optional<AlertEvent> breached(
      AlertRule rule, Observation o, Breached b, Track track, Instant now) {
    Key key = new Key(rule.id(), o.connector());
    if (!o.alertable()) {
      tracks.remove(key);
      return Optional.empty();
    }
    Instant since = b.since() != null ? b.since() : track != null ? track.since() : now;
    Duration held = Duration.between(since, now);
    boolean fires = held.compareTo(Conditions.hold(rule.condition())) >= 0;
    tracks.put(key, new Track(rule, since, fires));
    if (!fires) {
      return Optional.empty();
    }
    String message = AlertMessages.firing(rule.condition(), o, held);
    return Optional.of(event(rule, o.connector(), Status.FIRING, message, now));
  }

  private static AlertEvent resolved(AlertRule rule, Observation o, Instant now) {
    String message = AlertMessages.resolved(rule.condition(), o, now);
    return event(rule, o.connector(), Status.RESOLVED, message, now);
  }

  private void resolveVanished(
      Map<String, Observation> observed, Instant now, List<AlertEvent> events) {
    for (Iterator<Map.Entry<Key, Track>> it = tracks.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Key, Track> entry = it.next();
      String connector = entry.getKey().connector();
      if (observed.containsKey(connector)) {
        continue;
      }
      it.remove();
      Track track = entry.getValue();
      if (track.firing()) {
        String message = AlertMessages.vanished(connector);
        events.add(event(track.rule(), connector, Status.RESOLVED, message, now));
      }
    }
  }

  private static AlertEvent event(
      AlertRule rule, String connector, Status status, String message, Instant now) {
    return new AlertEvent(rule.id(), rule.name(), connector, status, message, now);
  }

  private static <T> Map<String, T> index(
      Collection<T> values, Function<T, String> key, String what) {
    Map<String, T> byKey = new LinkedHashMap<>();
    for (T value : values) {
      if (byKey.putIfAbsent(key.apply(value), value) != null) {
        throw new IllegalArgumentException(
            "two values share the " + what + " '" + key.apply(value) + "'; each must be unique");
      }
    }
    return byKey;
  }
}

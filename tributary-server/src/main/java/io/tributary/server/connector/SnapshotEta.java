package io.tributary.server.connector;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the rows-copied counters a snapshot reports into progress with an estimated time left: the
 * rate is measured from when a table was first seen copying. A table is done when its rows reach
 * the estimate, or when its count stopped moving while the connector no longer snapshots (planner
 * estimates are approximate). Thread-safe.
 */
final class SnapshotEta {
  private static final Duration SETTLED = Duration.ofSeconds(5);

  private final Map<String, Sample> first = new HashMap<>();
  private final Map<String, Sample> last = new HashMap<>();

  synchronized List<ConnectorStatus.TableProgress> progress(
      Map<String, long[]> counters, boolean snapshotting, Instant now) {
    List<ConnectorStatus.TableProgress> tables = new ArrayList<>();
    for (Map.Entry<String, long[]> e : new TreeMap<>(counters).entrySet()) {
      String table = e.getKey();
      long done = e.getValue()[0];
      long total = e.getValue()[1];
      Sample start = first.computeIfAbsent(table, t -> new Sample(now, done));
      Sample previous = last.get(table);
      if (previous == null || previous.rows() != done) {
        last.put(table, new Sample(now, done));
        previous = last.get(table);
      }
      boolean settled = Duration.between(previous.at(), now).compareTo(SETTLED) >= 0;
      boolean complete = (total > 0 && done >= total) || (!snapshotting && settled);
      tables.add(
          new ConnectorStatus.TableProgress(
              table,
              done,
              total,
              complete,
              complete ? Long.valueOf(0) : eta(start, done, total, now)));
    }
    return tables;
  }

  /** Forgets the rates measured: a new run reports from zero. */
  synchronized void reset() {
    first.clear();
    last.clear();
  }

  private static Long eta(Sample start, long done, long total, Instant now) {
    double seconds = Duration.between(start.at(), now).toMillis() / 1000.0;
    long copied = done - start.rows();
    if (total <= 0 || seconds < 1 || copied <= 0) {
      return null;
    }
    return Math.max(0, Math.round((total - done) / (copied / seconds)));
  }

  private record Sample(Instant at, long rows) {}
}

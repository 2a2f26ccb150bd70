package io.tributary.postgres.snapshot;

import io.tributary.api.ChangeEvent;
import io.tributary.api.SourceInfo;
import java.util.ArrayList;
import java.util.List;

/** Marks the final read of a snapshot with {@code source.snapshot = "last"}, as Debezium does. */
public final class LastSnapshotEvent {
  private LastSnapshotEvent() {}

  /** {@code events} with its last element marked; unchanged when empty. */
  public static List<ChangeEvent> mark(List<ChangeEvent> events) {
    if (events.isEmpty()) {
      return events;
    }
    List<ChangeEvent> out = new ArrayList<>(events);
    ChangeEvent e = out.get(out.size() - 1);
    SourceInfo s = e.source();
    SourceInfo last =
        new SourceInfo(
            s.connector(), s.name(), s.db(), s.schema(), s.table(), s.tsMs(), "last", s.position());
    out.set(
        out.size() - 1,
        new ChangeEvent(
            e.stream(),
            e.op(),
            e.key(),
            e.before(),
            e.after(),
            last,
            e.transaction(),
            e.tsMs(),
            e.idempotencyKey()));
    return out;
  }
}

package io.tributary.api;

import io.tributary.api.offset.SourceOffset;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link SourceTask} hands to the engine in one poll: zero or more events in source order
 * and the source position reached once they are durable. A batch may hold no event and still move
 * the offset (a heartbeat, a transaction without captured tables).
 *
 * @param events events in source order
 * @param offset the position reached after the last event; never before any event of the batch
 * @param endOfSource true when the source has nothing more to give (e.g. {@code snapshot:
 *     initial_only} finished): the engine commits the batch and stops the pipeline
 */
public record Batch(List<ChangeEvent> events, SourceOffset offset, boolean endOfSource)
    implements Polled {

  public Batch {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(offset, "offset");
  }

  @Override
  public int size() {
    return events.size();
  }

  public static Batch of(List<ChangeEvent> events, SourceOffset offset) {
    return new Batch(events, offset, false);
  }
}

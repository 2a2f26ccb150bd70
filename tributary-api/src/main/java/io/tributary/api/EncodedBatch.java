package io.tributary.api;

import io.tributary.api.offset.SourceOffset;
import java.util.Objects;

/**
 * A {@link Batch} with its events encoded: what a {@link Destination} writes.
 *
 * @param events encoded events in source order
 * @param offset the position reached after the last event
 * @param endOfSource whether the source has nothing more to give
 */
public record EncodedBatch(EncodedEvents events, SourceOffset offset, boolean endOfSource)
    implements Polled {
  public EncodedBatch {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(offset, "offset");
  }

  @Override
  public int size() {
    return events.size();
  }
}

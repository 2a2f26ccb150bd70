package io.tributary.api.envelope;

import io.tributary.api.Batch;
import io.tributary.api.ChangeEvent;
import io.tributary.api.EncodedBatch;
import io.tributary.api.EncodedEvent;
import io.tributary.api.EncodedEvents;
import io.tributary.api.Polled;
import io.tributary.api.json.JsonWriter;
import java.util.List;

/** Encodes batches of events into envelopes. Not thread-safe: one per thread. */
public final class BatchEncoder {
  private final EnvelopeWriter envelopes = new EnvelopeWriter();

  /** The batch as it is stored: encoded batches pass through unchanged. */
  public EncodedBatch encode(Polled polled) {
    return switch (polled) {
      case EncodedBatch encoded -> encoded;
      case Batch batch -> encode(batch);
    };
  }

  public EncodedBatch encode(Batch batch) {
    return new EncodedBatch(encode(batch.events()), batch.offset(), batch.endOfSource());
  }

  /** The events' keys and envelopes, written straight into one packed buffer. */
  public EncodedEvents encode(List<ChangeEvent> events) {
    EncodedEvents out = new EncodedEvents(events.size(), 256 * events.size());
    for (ChangeEvent e : events) {
      encode(e, out);
    }
    return out;
  }

  /** Appends the event's key and envelope to {@code out}. */
  public void encode(ChangeEvent e, EncodedEvents out) {
    JsonWriter buffer = out.buffer();
    int start = buffer.length();
    boolean hasKey = envelopes.key(e, buffer);
    int valueStart = buffer.length();
    envelopes.value(e, buffer);
    out.written(e.stream(), e.tsMs(), start, valueStart, hasKey);
  }

  /** The envelope writer this encoder uses, for sources that write parts of envelopes. */
  public EnvelopeWriter envelopes() {
    return envelopes;
  }

  public EncodedEvent encode(ChangeEvent e) {
    return new EncodedEvent(e.stream(), envelopes.key(e), envelopes.value(e), e.tsMs());
  }
}

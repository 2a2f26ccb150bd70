package io.tributary.api.envelope;

import io.tributary.api.Batch;
import io.tributary.api.ChangeEvent;
import io.tributary.api.EncodedBatch;
import io.tributary.api.EncodedEvent;
import io.tributary.api.Polled;
import java.util.ArrayList;
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

  public List<EncodedEvent> encode(List<ChangeEvent> events) {
    List<EncodedEvent> out = new ArrayList<>(events.size());
    for (ChangeEvent e : events) {
      out.add(encode(e));
    }
    return out;
  }

  public EncodedEvent encode(ChangeEvent e) {
    return new EncodedEvent(e.stream(), envelopes.key(e), envelopes.value(e), e.tsMs());
  }
}

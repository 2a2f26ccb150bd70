package io.tributary.api.envelope;

import io.tributary.api.Batch;
import io.tributary.api.ChangeEvent;
import io.tributary.api.EncodedBatch;
import io.tributary.api.EncodedEvent;
import java.util.ArrayList;
import java.util.List;

/** Encodes batches of events into envelopes. Not thread-safe: one per thread. */
public final class BatchEncoder {
  private final EnvelopeWriter envelopes = new EnvelopeWriter();

  public EncodedBatch encode(Batch batch) {
    List<EncodedEvent> out = new ArrayList<>(batch.events().size());
    for (ChangeEvent e : batch.events()) {
      out.add(new EncodedEvent(e.stream(), envelopes.key(e), envelopes.value(e), e.tsMs()));
    }
    return new EncodedBatch(out, batch.offset(), batch.endOfSource());
  }
}

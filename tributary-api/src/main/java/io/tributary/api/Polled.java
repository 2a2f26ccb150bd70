package io.tributary.api;

import io.tributary.api.offset.SourceOffset;

/**
 * What one {@link SourceTask#poll} hands over: a {@link Batch} of events, or an {@link
 * EncodedBatch} whose events the source already encoded (with {@link
 * io.tributary.api.envelope.BatchEncoder}), for sources that read in parallel and can spread the
 * encoding over their own threads.
 */
public sealed interface Polled permits Batch, EncodedBatch {

  /** The position reached once everything handed over is durable. */
  SourceOffset offset();

  /** Whether the source has nothing more to give. */
  boolean endOfSource();

  /** How many events are handed over. */
  int size();
}

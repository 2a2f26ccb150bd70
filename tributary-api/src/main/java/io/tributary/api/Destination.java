package io.tributary.api;

import io.tributary.api.offset.SourceOffset;
import java.util.List;
import java.util.Optional;

/**
 * Where events go. A destination acknowledges a write only once it is durable; offsets move only
 * after that, which is what makes capture lossless.
 *
 * <p>Threading: used by one writer thread at a time.
 */
public interface Destination extends AutoCloseable {

  /**
   * The offset stored with the last durable write, or empty when nothing was ever written. For
   * exactly-once destinations this is the resume point, and it covers the events exactly.
   */
  Optional<SourceOffset> committedOffset();

  /**
   * Writes the batches' events in order and records the last batch's offset, atomically: after a
   * crash either all of it is visible with the offset, or none of it. Returns once durable. The
   * events' bytes are lent for the call only: the engine recycles their buffers once it returns
   * (see {@link EncodedEvents#release()}), so a destination copies what it keeps.
   *
   * @throws RetriableException when the write failed but may succeed later; the engine then resumes
   *     from a fresh {@link #committedOffset()}
   */
  void write(List<EncodedBatch> batches);

  @Override
  void close();
}

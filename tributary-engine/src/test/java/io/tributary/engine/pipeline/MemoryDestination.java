package io.tributary.engine.pipeline;

import io.tributary.api.Destination;
import io.tributary.api.EncodedBatch;
import io.tributary.api.EncodedEvent;
import io.tributary.api.offset.SourceOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

/** Keeps events in memory; a write may be held back by withholding permits. */
final class MemoryDestination implements Destination {
  final List<EncodedEvent> events = new CopyOnWriteArrayList<>();
  final Semaphore permits;
  private volatile SourceOffset committed;

  MemoryDestination(int permits) {
    this.permits = new Semaphore(permits);
  }

  @Override
  public Optional<SourceOffset> committedOffset() {
    return Optional.ofNullable(committed);
  }

  @Override
  public void write(List<EncodedBatch> batches) {
    permits.acquireUninterruptibly();
    for (EncodedBatch b : batches) {
      events.addAll(b.events().asList());
    }
    committed = batches.get(batches.size() - 1).offset();
  }

  @Override
  public void close() {}
}

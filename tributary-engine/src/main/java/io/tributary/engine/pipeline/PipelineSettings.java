package io.tributary.engine.pipeline;

import java.time.Duration;

/**
 * How the engine runs a pipeline.
 *
 * @param queueCapacity batches buffered between source and destination; the source blocks when full
 * @param maxQueuedEvents events buffered between source and destination; the source blocks beyond
 *     it (back-pressure), so memory stays bounded whatever the backlog (a single batch larger than
 *     this still passes, alone)
 * @param maxQueuedBytes encoded bytes buffered between source and destination, the other bound of
 *     the same back-pressure: what bounds memory when events are large
 * @param maxEventsPerWrite group commit: queued batches are written together up to this many events
 * @param pollTimeout how long one poll of the source may wait for data
 * @param initialBackoff first wait after a transient failure
 * @param maxBackoff longest wait between attempts
 * @param healthyAfter a run this long without failure resets the backoff
 */
public record PipelineSettings(
    int queueCapacity,
    int maxQueuedEvents,
    int maxQueuedBytes,
    int maxEventsPerWrite,
    Duration pollTimeout,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration healthyAfter) {

  /**
   * 8 MiB: enough for the writer to find a full group after each fsync, small enough for the
   * default 128 MiB heap to keep it, the snapshot workers' chunks and the writer's group in the
   * young generation and out of full collections.
   */
  public static final int DEFAULT_MAX_QUEUED_BYTES = 8 << 20;

  public static PipelineSettings defaults() {
    return new PipelineSettings(
        16,
        16_384,
        DEFAULT_MAX_QUEUED_BYTES,
        16_384,
        Duration.ofMillis(100),
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1));
  }

  public PipelineSettings {
    if (queueCapacity < 1 || maxQueuedEvents < 1 || maxQueuedBytes < 1 || maxEventsPerWrite < 1) {
      throw new IllegalArgumentException(
          "queueCapacity, maxQueuedEvents, maxQueuedBytes and maxEventsPerWrite must be positive");
    }
  }
}

package io.tributary.api;

import io.tributary.api.offset.SourceOffset;
import java.time.Duration;
import java.util.Optional;

/**
 * Captures changes from one source for one pipeline.
 *
 * <p>Threading: {@link #start}, {@link #poll} and {@link #close} are called from the engine's
 * source thread, one at a time. {@link #committed} is called from the engine's writer thread.
 * {@link #stop} may be called from any thread and must make a blocked {@code poll} return soon.
 *
 * <p>Errors: methods throw {@link RetriableException} for what may heal (the engine closes the
 * task, backs off and creates a new one from the last committed offset) and {@link FatalException}
 * for what will not (the pipeline fails with that message).
 */
public interface SourceTask extends AutoCloseable {

  /**
   * Connects and prepares capture from {@code committed}, the last offset durable in the
   * destination, or empty on the first run.
   */
  void start(Optional<SourceOffset> committed) throws InterruptedException;

  /**
   * The next batch, waiting up to {@code timeout} for one; null when there is nothing yet. Events
   * are in source order, across batches too, and never repeat what a previous poll returned. A
   * source may hand its events over already encoded ({@link EncodedBatch}).
   */
  Polled poll(Duration timeout) throws InterruptedException;

  /**
   * Every event up to and including {@code offset} is durable in the destination: the source may
   * now forget them (PostgreSQL: confirm the flush LSN). Must not block for long.
   */
  void committed(SourceOffset offset);

  /** Asks the task to stop; any thread; idempotent. */
  void stop();

  /** Releases connections; called once after the last poll. */
  @Override
  void close();
}

package io.tributary.server.cli;

import io.tributary.api.Destination;
import io.tributary.engine.pipeline.Pipeline;
import io.tributary.engine.pipeline.PipelineSettings;
import io.tributary.engine.pipeline.PipelineState;
import io.tributary.engine.pipeline.PipelineStatus;
import io.tributary.server.pipeline.ValidPipeline;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One pipeline wired to its log destination. {@link #run} blocks until the pipeline stops, ends or
 * fails; {@link #stop} and {@link #status} may be called from any thread; {@link #close} closes the
 * destination once {@code run} has returned.
 */
final class PipelineRun implements AutoCloseable {
  private final ValidPipeline definition;
  private final Destination destination;
  private final Pipeline pipeline;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PipelineRun(ValidPipeline definition, Destination destination) {
    this.definition = definition;
    this.destination = destination;
    this.pipeline =
        new Pipeline(
            definition.name(),
            context -> definition.connector().createTask(definition.source(), context),
            destination,
            PipelineSettings.defaults(),
            Clock.systemUTC());
  }

  /** Opens the pipeline's destination; nothing runs until {@link #run}. */
  static PipelineRun open(ValidPipeline pipeline) {
    return new PipelineRun(pipeline, Components.openDestination(pipeline));
  }

  String name() {
    return definition.name();
  }

  PipelineState run() throws InterruptedException {
    return pipeline.run();
  }

  void stop() {
    pipeline.stop();
  }

  PipelineStatus status() {
    return pipeline.status();
  }

  /** Closes the destination; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      destination.close();
    }
  }
}

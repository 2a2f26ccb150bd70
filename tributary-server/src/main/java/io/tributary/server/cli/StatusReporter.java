package io.tributary.server.cli;

import io.tributary.engine.pipeline.PipelineStatus;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Prints a pipeline's {@link StatusLine} to stderr at a fixed interval, from a daemon thread. */
final class StatusReporter implements AutoCloseable {
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("tributary-status").unstarted(r));

  StatusReporter(
      String pipeline,
      Supplier<PipelineStatus> status,
      Duration every,
      PrintStream err,
      Clock clock) {
    timer.scheduleAtFixedRate(
        () -> err.println(StatusLine.format(pipeline, status.get(), clock.instant())),
        every.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}

package io.tributary.engine.pipeline;

import io.tributary.api.Destination;
import io.tributary.api.FatalException;
import io.tributary.api.RetriableException;
import io.tributary.api.SourceTask;
import io.tributary.api.TaskContext;
import io.tributary.engine.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one pipeline: a source task feeding a destination, restarted with backoff after transient
 * failures, each time from the destination's last committed offset — so nothing is lost and, with
 * an exactly-once destination, nothing is repeated.
 *
 * <p>Threading: {@link #run()} blocks the calling thread; {@link #stop()} and {@link #status()} may
 * be called from any thread.
 */
public final class Pipeline {
  private static final Logger LOG = Logger.getLogger(Pipeline.class.getName());

  private final Function<TaskContext, SourceTask> tasks;
  private final Destination destination;
  private final PipelineSettings settings;
  private final PipelineMetrics metrics;
  private final Clock clock;
  private volatile boolean stopRequested;
  private volatile Attempt current;
  private volatile Thread runner;

  /**
   * @param name the pipeline's name
   * @param tasks creates a fresh source task for each attempt
   * @param destination where events go; the pipeline does not close it
   */
  public Pipeline(
      String name,
      Function<TaskContext, SourceTask> tasks,
      Destination destination,
      PipelineSettings settings,
      Clock clock) {
    this.tasks = tasks;
    this.destination = destination;
    this.settings = settings;
    this.clock = clock;
    this.metrics = new PipelineMetrics(name, clock);
  }

  /**
   * Runs until stopped, until the source ends, or until a fatal error.
   *
   * @return STOPPED (stopped or source ended) or FAILED ({@link PipelineStatus#lastError()} says
   *     why)
   */
  public PipelineState run() throws InterruptedException {
    runner = Thread.currentThread();
    Backoff backoff =
        new Backoff(
            settings.initialBackoff(),
            settings.maxBackoff(),
            ThreadLocalRandom.current()::nextDouble);
    while (!stopRequested) {
      Instant started = clock.instant();
      try (SourceTask task = tasks.apply(metrics)) {
        Attempt attempt = new Attempt(task, destination, settings, metrics);
        current = attempt;
        if (stopRequested) {
          break;
        }
        if (attempt.run()) {
          break;
        }
      } catch (RetriableException e) {
        if (stopRequested) {
          break;
        }
        if (Duration.between(started, clock.instant()).compareTo(settings.healthyAfter()) > 0) {
          backoff.reset();
        }
        Duration wait = backoff.next();
        metrics.error(e.getMessage(), true);
        LOG.log(
            Level.WARNING,
            "{0}: {1}; retrying in {2} ms (attempt {3})",
            new Object[] {
              metrics.pipelineName(), describe(e), wait.toMillis(), backoff.attempts()
            });
        sleep(wait);
      } catch (FatalException e) {
        return fail(e.getMessage());
      } catch (RuntimeException e) {
        return fail("unexpected error: " + describe(e));
      } finally {
        current = null;
      }
    }
    metrics.state(PipelineState.STOPPED);
    return PipelineState.STOPPED;
  }

  /** Asks the pipeline to stop: the source stops, what was polled is written, run() returns. */
  public void stop() {
    stopRequested = true;
    Attempt a = current;
    if (a != null) {
      a.stop();
    }
    Thread t = runner;
    if (t != null && a == null) {
      t.interrupt(); // only while backing off between attempts
    }
  }

  public PipelineStatus status() {
    return metrics.status();
  }

  private PipelineState fail(String message) {
    metrics.error(message, false);
    metrics.state(PipelineState.FAILED);
    return PipelineState.FAILED;
  }

  private void sleep(Duration wait) throws InterruptedException {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      if (!stopRequested) {
        throw e;
      }
    }
  }

  private static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
        sb.append(" (caused by ").append(c.getMessage()).append(')');
      }
    }
    return sb.toString();
  }
}

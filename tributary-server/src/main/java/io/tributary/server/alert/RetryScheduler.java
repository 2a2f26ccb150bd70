package io.tributary.server.alert;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Waits between delivery attempts without blocking a thread. Tests pass one that completes at once
 * and records the delays asked for.
 */
@FunctionalInterface
public interface RetryScheduler {

  /** A future that completes once {@code delay} has passed. */
  CompletableFuture<Void> after(Duration delay);

  /**
   * Waits for real; the future completes on {@code executor}. The waiting itself uses the JDK's
   * shared delay scheduler thread, so no thread of {@code executor} is held while waiting.
   */
  static RetryScheduler realTime(Executor executor) {
    return delay ->
        CompletableFuture.runAsync(
            () -> {},
            CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, executor));
  }
}

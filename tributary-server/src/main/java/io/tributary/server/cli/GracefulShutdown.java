package io.tributary.server.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stops a long-running command cleanly on SIGINT (Ctrl-C) or SIGTERM. A shutdown hook asks the
 * command to stop, waits until it says it {@link #finished}, and then ends the process with the
 * command's exit code: without that, the JVM would report the signal (130 or 143) even after a
 * clean stop. When the command finishes on its own, {@link #close} removes the hook.
 */
final class GracefulShutdown implements AutoCloseable {
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;
  private volatile int exitCode = ExitCodes.OK;

  /**
   * @param stop asks the command to stop; called from the hook's thread
   * @param grace how long to wait for the command to finish before the process ends anyway
   */
  GracefulShutdown(Runnable stop, Duration grace, PrintStream err) {
    this.hook =
        Thread.ofPlatform().name("tributary-shutdown").unstarted(() -> onSignal(stop, grace, err));
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The command is done and everything is closed; the process may end with {@code code}. */
  void finished(int code) {
    exitCode = code;
    finished.countDown();
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down already: the hook is running and ends the process once finished() was called
    }
  }

  private void onSignal(Runnable stop, Duration grace, PrintStream err) {
    if (finished.getCount() > 0) {
      err.println(
          "Stopping… (waiting up to "
              + grace.toSeconds()
              + " s for written events to be committed)");
      stop.run();
    }
    try {
      if (!finished.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        err.println(
            Symbols.FAILED
                + " Did not stop within "
                + grace.toSeconds()
                + " s; exiting anyway. "
                + "Nothing committed is lost; the next run resumes from the last committed offset.");
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    err.flush();
    // halt, not exit: exit would block, as the JVM is already shutting down
    Runtime.getRuntime().halt(exitCode);
  }
}

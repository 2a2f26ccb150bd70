package io.tributary.bench;

import java.time.Duration;

/**
 * Samples a process's {@link ProcStats} every few milliseconds on a daemon thread, so that the
 * figures of a process that exits on its own are known from just before it exited. Peak RSS is a
 * high-water mark kept by the kernel, so a late sample holds it; CPU time misses at most one
 * interval. Thread-safe.
 */
final class ProcSampler implements AutoCloseable {
  private final long pid;
  private final Thread thread;
  private volatile ProcStats last = ProcStats.NONE;
  private volatile boolean stopped;

  ProcSampler(long pid, Duration every) {
    this.pid = pid;
    this.thread = Thread.ofPlatform().daemon().name("proc-sampler-" + pid).start(() -> loop(every));
  }

  /** Samples now if the process runs, else returns the last sample taken while it ran. */
  ProcStats sample() {
    ProcStats now = ProcStats.read(pid).orElse(null);
    if (now != null) {
      last = now;
      return now;
    }
    return last;
  }

  private void loop(Duration every) {
    while (!stopped && ProcStats.read(pid).map(s -> last = s).isPresent()) {
      try {
        Thread.sleep(every);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
  }
}

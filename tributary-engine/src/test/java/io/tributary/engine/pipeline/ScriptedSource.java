package io.tributary.engine.pipeline;

import io.tributary.api.Batch;
import io.tributary.api.ChangeEvent;
import io.tributary.api.Op;
import io.tributary.api.RetriableException;
import io.tributary.api.Row;
import io.tributary.api.SourceInfo;
import io.tributary.api.SourceTask;
import io.tributary.api.offset.Lsn;
import io.tributary.api.offset.PostgresOffset;
import io.tributary.api.offset.SourceOffset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A source of numbered one-event batches: event n has offset n. Resumes after the committed offset,
 * like a real source, and can be told to fail once at a given event.
 */
final class ScriptedSource implements SourceTask {
  final AtomicInteger polled;
  private final int total;
  private final int failAt;
  private final AtomicInteger failures;
  private volatile boolean stopped;
  private long next;
  volatile SourceOffset lastCommitted;

  ScriptedSource(int total, int failAt, AtomicInteger failures, AtomicInteger polled) {
    this.total = total;
    this.failAt = failAt;
    this.failures = failures;
    this.polled = polled;
  }

  static PostgresOffset offset(long n) {
    return PostgresOffset.afterSnapshot(Lsn.ZERO).inTransaction(new Lsn(n), 1, true);
  }

  static ChangeEvent event(long n) {
    SourceInfo source = new SourceInfo("test", "p", "db", "s", "t", 0, "false", Map.of());
    return new ChangeEvent(
        "p.s.t", Op.CREATE, null, null, Row.of(List.of("n"), n), source, null, 0, "k" + n);
  }

  @Override
  public void start(Optional<SourceOffset> committed) {
    next = committed.map(o -> ((PostgresOffset) o).commitLsn().value() + 1).orElse(1L);
  }

  @Override
  public Batch poll(Duration timeout) throws InterruptedException {
    if (stopped) {
      return null;
    }
    if (next > total) {
      Thread.sleep(5);
      return null;
    }
    if (next == failAt && failures.getAndDecrement() > 0) {
      throw new RetriableException("connection lost at " + next);
    }
    polled.incrementAndGet();
    long n = next++;
    return new Batch(List.of(event(n)), offset(n), false);
  }

  @Override
  public void committed(SourceOffset offset) {
    lastCommitted = offset;
  }

  @Override
  public void stop() {
    stopped = true;
  }

  @Override
  public void close() {}
}

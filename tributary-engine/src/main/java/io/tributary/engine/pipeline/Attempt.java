package io.tributary.engine.pipeline;

import io.tributary.api.Destination;
import io.tributary.api.EncodedBatch;
import io.tributary.api.Polled;
import io.tributary.api.SourceTask;
import io.tributary.api.envelope.BatchEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of one source task: the calling thread polls the source into a bounded queue, a writer
 * thread drains it into the destination in groups (group commit) and, after each durable write,
 * tells the source its new committed offset. Ends when the source ends, on stop, or on the first
 * failure of either side, which {@link #run()} rethrows.
 */
final class Attempt {
  private final SourceTask task;
  private final Destination destination;
  private final PipelineSettings settings;
  private final PipelineMetrics metrics;
  private final BlockingQueue<EncodedBatch> queue;
  private final BatchEncoder encoder = new BatchEncoder();
  private final Semaphore queuedEvents;

  /** Queued bytes, in KiB so that a semaphore's int holds any bound. */
  private final Semaphore queuedKib;

  private final AtomicReference<RuntimeException> writerFailure = new AtomicReference<>();
  private volatile boolean sourceDone;
  private volatile boolean stopping;

  Attempt(
      SourceTask task,
      Destination destination,
      PipelineSettings settings,
      PipelineMetrics metrics) {
    this.task = task;
    this.destination = destination;
    this.settings = settings;
    this.metrics = metrics;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.queuedEvents = new Semaphore(settings.maxQueuedEvents());
    this.queuedKib = new Semaphore(kib(settings.maxQueuedBytes()));
  }

  /** Returns true when the source reached its end, false when stopped. */
  boolean run() throws InterruptedException {
    Thread writer =
        Thread.ofPlatform().name("tributary-writer-" + metrics.pipelineName()).start(this::drain);
    boolean ended = false;
    try {
      task.start(destination.committedOffset());
      ended = pollUntilDone();
    } finally {
      sourceDone = true;
      writer.join();
    }
    RuntimeException failure = writerFailure.get();
    if (failure != null) {
      throw failure;
    }
    return ended;
  }

  void stop() {
    stopping = true;
    task.stop();
  }

  private boolean pollUntilDone() throws InterruptedException {
    while (!stopping && writerFailure.get() == null) {
      Polled polled = task.poll(settings.pollTimeout());
      if (polled == null) {
        continue;
      }
      // encoded here, on the source thread: the queue then holds compact bytes, and the writer
      // thread only writes
      EncodedBatch batch = encoder.encode(polled);
      int permits = permits(batch);
      while (!queuedEvents.tryAcquire(permits, 100, TimeUnit.MILLISECONDS)) {
        if (writerFailure.get() != null) {
          return false;
        }
      }
      int kib = kibPermits(batch);
      while (!queuedKib.tryAcquire(kib, 100, TimeUnit.MILLISECONDS)) {
        if (writerFailure.get() != null) {
          queuedEvents.release(permits);
          return false;
        }
      }
      while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
        if (writerFailure.get() != null) {
          return false;
        }
      }
      if (batch.endOfSource()) {
        return true;
      }
    }
    return false;
  }

  private void drain() {
    List<EncodedBatch> group = new ArrayList<>();
    try {
      while (true) {
        EncodedBatch first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (sourceDone && queue.isEmpty()) {
            return;
          }
          continue;
        }
        group.add(first);
        int events = first.events().size();
        EncodedBatch next;
        while (events < settings.maxEventsPerWrite() && (next = queue.poll()) != null) {
          group.add(next);
          events += next.events().size();
        }
        write(group, events);
        if (group.getLast().endOfSource()) {
          return; // nothing follows the source's end: no need to wait for the next poll to time out
        }
        group.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      writerFailure.set(e);
      task.stop();
    }
  }

  private int permits(EncodedBatch batch) {
    return Math.min(batch.events().size(), settings.maxQueuedEvents());
  }

  /** A batch larger than the whole bound takes all of it, and passes alone. */
  private int kibPermits(EncodedBatch batch) {
    return Math.min(kib(batch.events().byteSize()), kib(settings.maxQueuedBytes()));
  }

  private static int kib(long bytes) {
    return (int) Math.max(1, (bytes + 1023) >> 10);
  }

  private void write(List<EncodedBatch> group, int events) {
    destination.write(group);
    long oldest = oldestTimestamp(group);
    for (EncodedBatch b : group) {
      queuedEvents.release(permits(b));
      queuedKib.release(kibPermits(b));
      b.events().release();
    }
    EncodedBatch last = group.get(group.size() - 1);
    metrics.written(events, last.offset().encode(), oldest);
    task.committed(last.offset());
  }

  /** When the group's first event was captured, epoch ms, or -1 for a group without events. */
  private static long oldestTimestamp(List<EncodedBatch> group) {
    for (EncodedBatch b : group) {
      if (!b.events().isEmpty()) {
        return b.events().timestampMs(0);
      }
    }
    return -1;
  }
}

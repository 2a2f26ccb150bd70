package io.tributary.postgres.snapshot;

import io.tributary.api.TaskContext;
import io.tributary.postgres.connection.Connections;
import io.tributary.postgres.connection.ErrorClassifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Copies chunks in parallel: each worker has its own connection in a repeatable-read transaction
 * that imported the slot's exported snapshot, so every chunk sees the same instant. Results queue
 * up in a small bounded queue, which holds the workers back when the destination is slower.
 *
 * <p>Threading: workers run on their own threads; {@link #next} and {@link #close} are called by
 * the task's thread.
 */
public final class SnapshotWorkers implements AutoCloseable {
  private final Connections connections;
  private final ErrorClassifier errors;
  private final String snapshotName;
  private final ChunkCopier copier;
  private final TaskContext context;
  private final Queue<Chunk> pending;
  private final BlockingQueue<ChunkResult> results;
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final AtomicInteger remaining;
  private final Map<String, AtomicLong> rowsDone = new ConcurrentHashMap<>();
  private final Map<String, Long> rowsEstimated;
  private final List<Thread> threads = new ArrayList<>();
  private final List<Connection> open = new ArrayList<>();
  private volatile boolean closed;

  /**
   * @param snapshotName the exported snapshot to import
   * @param copier reads chunks; each worker uses a fork of it
   * @param rowsEstimated estimated rows by root table name, for progress
   */
  public SnapshotWorkers(
      Connections connections,
      ErrorClassifier errors,
      String snapshotName,
      List<Chunk> chunks,
      ChunkCopier copier,
      Map<String, Long> rowsEstimated,
      TaskContext context) {
    this.connections = connections;
    this.errors = errors;
    this.snapshotName = snapshotName;
    this.copier = copier;
    this.context = context;
    this.pending = new ConcurrentLinkedQueue<>(chunks);
    this.remaining = new AtomicInteger(chunks.size());
    this.rowsEstimated = rowsEstimated;
    this.results = new ArrayBlockingQueue<>(1);
  }

  /**
   * Opens the worker connections, imports the snapshot in each, and starts copying. The workers
   * connect at the same time (each login costs a round trip or three, and SCRAM's key derivation);
   * this returns once every one imported the snapshot, so that the snapshot's exporter may go.
   *
   * @throws SQLException when a worker could not connect or import the snapshot
   */
  public void start(int workers) throws SQLException {
    int n = Math.max(1, Math.min(workers, pending.size()));
    CountDownLatch ready = new CountDownLatch(n);
    AtomicReference<SQLException> startFailure = new AtomicReference<>();
    for (int i = 0; i < n; i++) {
      String name = "snapshot-" + i;
      threads.add(
          Thread.ofPlatform()
              .daemon()
              .name("tributary-" + name)
              .start(() -> connectAndWork(name, ready, startFailure)));
    }
    try {
      ready.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while the snapshot workers connected", e);
    }
    SQLException failed = startFailure.get();
    if (failed != null) {
      throw failed;
    }
  }

  private void connectAndWork(
      String name, CountDownLatch ready, AtomicReference<SQLException> startFailure) {
    Connection c;
    try {
      c = connections.open(name);
      synchronized (open) {
        open.add(c);
      }
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        st.execute("SET TRANSACTION SNAPSHOT '" + snapshotName.replace("'", "''") + "'");
      }
    } catch (SQLException e) {
      startFailure.compareAndSet(null, e);
      return;
    } finally {
      ready.countDown();
    }
    if (startFailure.get() == null) {
      work(c);
    }
  }

  /** Chunks not yet handed out by {@link #next}. */
  public int remaining() {
    return remaining.get();
  }

  /** The next copied chunk, or null if none is ready within {@code timeout}. */
  public ChunkResult next(Duration timeout) throws InterruptedException {
    RuntimeException f = failure.get();
    if (f != null) {
      throw f;
    }
    ChunkResult r = results.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (r != null) {
      remaining.decrementAndGet();
    } else if (failure.get() != null) {
      throw failure.get();
    }
    return r;
  }

  private void work(Connection c) {
    try {
      ChunkCopier mine = copier.fork();
      Chunk chunk;
      while (!closed && (chunk = pending.poll()) != null) {
        ChunkResult r = copy(c, chunk, mine);
        while (!closed && !results.offer(r, 100, TimeUnit.MILLISECONDS)) {
          // back-pressure: wait for the task to take results
        }
      }
    } catch (SQLException e) {
      if (!closed) {
        failure.compareAndSet(null, errors.classify("snapshot copy", e));
      }
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    } catch (Error e) {
      // e.g. out of memory: fail the snapshot rather than leave the task waiting for this worker
      failure.compareAndSet(null, new IllegalStateException("snapshot worker failed: " + e, e));
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ChunkResult copy(Connection c, Chunk chunk, ChunkCopier copier) throws SQLException {
    ChunkResult result = copier.copyEncoded(c, chunk, context.clock().millis());
    String root = chunk.root().toString();
    long done =
        rowsDone.computeIfAbsent(root, k -> new AtomicLong()).addAndGet(result.events().size());
    context.snapshotProgress(root, done, Math.max(done, rowsEstimated.getOrDefault(root, -1L)));
    return result;
  }

  @Override
  public void close() {
    closed = true;
    for (Thread t : threads) {
      t.interrupt();
    }
    List<Connection> toClose;
    synchronized (open) {
      toClose = new ArrayList<>(open);
    }
    for (Connection c : toClose) {
      try {
        c.close();
      } catch (SQLException e) {
        // closing after the snapshot or on failure: nothing left to save
      }
    }
    for (Thread t : threads) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}

package io.tributary.bench;

import io.tributary.testkit.files.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's temporary directory and the processes it started. {@link #close()} kills the processes
 * still running, then deletes the directory; a shutdown hook does the same when the benchmark is
 * interrupted (Ctrl-C), so neither children nor files outlive it. Thread-safe.
 */
final class Workspace implements AutoCloseable {
  private final Path root;
  private final Set<Long> children = ConcurrentHashMap.newKeySet();
  private final Thread onExit;
  private volatile boolean closed;

  private Workspace(Path root) {
    this.root = root;
    this.onExit = new Thread(this::cleanUp, "bench-workspace-cleanup");
    Runtime.getRuntime().addShutdownHook(onExit);
  }

  static Workspace create() throws IOException {
    return new Workspace(Files.createTempDirectory("tributary-bench-"));
  }

  Path root() {
    return root;
  }

  /** A new directory {@code name} inside the workspace. */
  Path directory(String name) throws IOException {
    return Files.createDirectories(root.resolve(name));
  }

  /** Kills the process with {@code pid} on close if it still runs then. */
  void adopt(long pid) {
    children.add(pid);
  }

  /** The process ended; close need not kill it anymore. */
  void release(long pid) {
    children.remove(pid);
  }

  @Override
  public void close() {
    cleanUp();
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException shutdownInProgress) {
      // the hook runs cleanUp() too, which is idempotent
    }
  }

  private synchronized void cleanUp() {
    if (closed) {
      return;
    }
    closed = true;
    for (long pid : children) {
      ProcessHandle.of(pid)
          .ifPresent(
              p -> {
                p.destroyForcibly();
                p.onExit().join();
              });
    }
    deleteTree(root);
  }

  private static void deleteTree(Path dir) {
    try {
      FileTrees.delete(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot delete the benchmark's temporary directory " + dir + "; delete it by hand", e);
    }
  }
}

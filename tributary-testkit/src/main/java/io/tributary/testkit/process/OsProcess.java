package io.tributary.testkit.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An operating-system process identified by its pid, which need not be a child of this JVM (for
 * example a PostgreSQL postmaster that {@code pg_ctl} detached).
 *
 * <p>Unlike {@link ProcessHandle#isAlive()}, {@link #isRunning()} treats a zombie as gone: in
 * containers whose init does not reap orphans, a killed server stays a zombie forever, yet it holds
 * no port, no files and no shared memory. Thread-safe.
 *
 * @param pid the process id
 */
public record OsProcess(long pid) {

  private static final Path PROC = Path.of("/proc");

  public OsProcess {
    if (pid <= 0) {
      throw new IllegalArgumentException("a pid is positive, got " + pid);
    }
  }

  /** Whether the process exists and is neither a zombie nor dead. */
  public boolean isRunning() {
    if (!Files.isDirectory(PROC)) {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
    try {
      String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
      // The state letter follows the command name, which is in parentheses and may contain spaces.
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException | RuntimeException e) {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
  }

  /** The executable of the process, when the OS tells. */
  public Optional<String> command() {
    return ProcessHandle.of(pid).flatMap(handle -> handle.info().command());
  }

  /**
   * Sends SIGKILL to the process and to every descendant it has right now, then waits until none of
   * them runs. Descendants are listed before the kill because they are re-parented once it dies.
   *
   * @return whether all of them stopped within the timeout
   */
  public boolean killTree(Duration timeout) throws InterruptedException {
    List<OsProcess> victims = new ArrayList<>();
    victims.add(this);
    ProcessHandle.of(pid)
        .ifPresent(
            handle -> handle.descendants().forEach(d -> victims.add(new OsProcess(d.pid()))));
    for (OsProcess victim : victims) {
      ProcessHandle.of(victim.pid()).ifPresent(ProcessHandle::destroyForcibly);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (OsProcess victim : victims) {
      if (!victim.awaitStop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Waits until {@link #isRunning()} is false; returns whether that happened within the timeout.
   */
  public boolean awaitStop(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (isRunning()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }
}

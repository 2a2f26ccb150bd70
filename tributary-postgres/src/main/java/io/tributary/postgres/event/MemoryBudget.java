package io.tributary.postgres.event;

import io.tributary.api.FatalException;

/**
 * How much of the heap one event, or one snapshot chunk of events, may take: an eighth, since a few
 * are in memory at once and writing one may briefly need several times its size. Past it, capture
 * stops with advice instead of running out of memory (ADR 0008).
 */
public final class MemoryBudget {
  /** The most bytes one event's source text, or one chunk's events, may take. */
  public static final long HELD_BYTES = Runtime.getRuntime().maxMemory() / 8;

  private MemoryBudget() {}

  /** {@code bytes} for people: "64 KiB", "15 MiB". */
  public static String size(long bytes) {
    return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
  }

  /**
   * Capture stopping at something too large to hold: "{@code what} is 30 MiB, more than 15 MiB."
   * and what to do.
   */
  public static FatalException tooLarge(String what, long bytes, long limit) {
    return new FatalException(
        what + " is " + size(bytes) + ", more than " + size(limit) + ". " + fix(limit));
  }

  /** The end of a message about too large a row: what to do. */
  public static String fix(long limit) {
    return "Tributary holds each event whole in memory, and this heap allows events (and snapshot"
        + " chunks) of up to "
        + size(limit)
        + ": run with a larger heap, e.g. TRIBUTARY_JAVA_OPTS=-Xmx1g (up to an eighth of it), and if"
        + " needed snapshot_workers: 1. Capture resumes where it stopped.";
  }
}

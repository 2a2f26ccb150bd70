package io.tributary.api;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Byte arrays handed back after use, for the next batch to fill: the large buffers of {@link
 * EncodedEvents} are then allocated once and recycled, rather than promoted and collected over and
 * over under a sustained backlog. Bounded in count and total bytes; arrays beyond the bounds are
 * left to the garbage collector. Thread-safe.
 */
final class BufferPool {
  /** Smaller arrays are cheap to allocate and collect; pooling them gains nothing. */
  static final int MIN_POOLED = 64 << 10;

  private final long maxBytes;
  private final int maxArrays;
  private final ArrayDeque<byte[]> arrays = new ArrayDeque<>();
  private long bytes;

  BufferPool(long maxBytes, int maxArrays) {
    this.maxBytes = maxBytes;
    this.maxArrays = maxArrays;
  }

  /**
   * An array of at least {@code minLength} bytes: a returned one that is large enough but not more
   * than four times that (a small batch must not pin a large buffer), else a new one. Its contents
   * are garbage.
   */
  synchronized byte[] take(int minLength) {
    Iterator<byte[]> it = arrays.descendingIterator();
    while (it.hasNext()) {
      byte[] a = it.next();
      if (a.length >= minLength && a.length <= 4L * minLength) {
        it.remove();
        bytes -= a.length;
        return a;
      }
    }
    return new byte[minLength];
  }

  /** Returns an array for reuse; nobody may use it afterwards. */
  synchronized void give(byte[] array) {
    if (array.length >= MIN_POOLED
        && arrays.size() < maxArrays
        && bytes + array.length <= maxBytes) {
      arrays.addLast(array);
      bytes += array.length;
    }
  }
}

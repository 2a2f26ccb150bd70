package io.tributary.log;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * A bounded pool of write buffers (on the heap: records are encoded through their arrays, see
 * {@link io.tributary.log.segment.RecordFormat}), lent to streams while they have unwritten
 * records. Large buffers turn thousands of records into one write call; the bound keeps memory
 * fixed however many streams a commit touches. Not thread-safe.
 */
final class WriteBuffers {
  private final int bufferBytes;
  private final int maxBuffers;
  private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
  private int created;

  WriteBuffers(int bufferBytes, int maxBuffers) {
    this.bufferBytes = bufferBytes;
    this.maxBuffers = maxBuffers;
  }

  /** A cleared buffer, or null when all are lent out (the caller then returns some). */
  ByteBuffer take() {
    ByteBuffer buffer = free.poll();
    if (buffer == null && created < maxBuffers) {
      created++;
      buffer = ByteBuffer.allocate(bufferBytes);
    }
    return buffer;
  }

  void give(ByteBuffer buffer) {
    free.push(buffer.clear());
  }
}

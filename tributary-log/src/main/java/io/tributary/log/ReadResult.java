package io.tributary.log;

import java.util.List;

/**
 * What one read of a stream returned.
 *
 * <p>The records are consecutive and start at the offset asked for, or at {@code earliestOffset}
 * when that offset was already deleted by retention (compare the first record's offset with the one
 * asked for to notice). They never go beyond {@code endOffset}, the committed end at the time of
 * the read.
 *
 * @param records the records read, possibly none
 * @param earliestOffset the oldest offset the stream still holds
 * @param nextOffset the offset to read from next
 * @param endOffset the stream's committed end (next offset to be written) when read
 */
public record ReadResult(
    List<LogRecord> records, long earliestOffset, long nextOffset, long endOffset) {

  public ReadResult {
    records = List.copyOf(records);
  }

  /** True when the reader is at the committed end: nothing more to read for now. */
  public boolean caughtUp() {
    return nextOffset >= endOffset;
  }
}

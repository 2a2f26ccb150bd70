package io.tributary.log.checkpoint;

import java.util.Map;
import java.util.Objects;

/**
 * What one commit of the log made durable: the source position reached and, for every stream, the
 * offset its next record will get. Everything below those ends is committed; anything above them on
 * disk is not and is cut away on recovery.
 *
 * @param sequence the commit's number, increasing by one per commit
 * @param commitTimeMs when the commit was made, epoch milliseconds
 * @param position the source position stored with the commit, opaque to the log
 * @param ends the end offset (next offset) of every stream that ever received a record
 */
public record Checkpoint(
    long sequence, long commitTimeMs, String position, Map<String, Long> ends) {

  public Checkpoint {
    Objects.requireNonNull(position, "position");
    ends = Map.copyOf(ends);
  }

  /** The committed end of {@code stream}, 0 when it has none. */
  public long end(String stream) {
    return ends.getOrDefault(stream, 0L);
  }
}

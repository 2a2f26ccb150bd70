package io.tributary.log;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How a log writer lays out and maintains its files. Use {@link #defaults()} and the {@code with…}
 * methods.
 *
 * @param segmentBytes size at which a segment is closed and a new one begun; a single larger record
 *     gets a segment of its own
 * @param indexIntervalBytes bytes of log between two sparse index entries
 * @param retention when old segments are deleted
 * @param retentionCheckInterval how often, at most, retention is checked after a commit (it is also
 *     checked whenever a segment was closed)
 * @param checkpointCompactBytes size above which the checkpoint file is rewritten to its last
 *     record
 * @param clock time source for commit times and retention
 */
public record LogSettings(
    long segmentBytes,
    int indexIntervalBytes,
    Retention retention,
    Duration retentionCheckInterval,
    long checkpointCompactBytes,
    InstantSource clock) {

  public static final long DEFAULT_SEGMENT_BYTES = 64L * 1024 * 1024;
  public static final int DEFAULT_INDEX_INTERVAL_BYTES = 4096;

  public LogSettings {
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(retentionCheckInterval, "retentionCheckInterval");
    Objects.requireNonNull(clock, "clock");
    // Index entries and record positions are 32-bit, so a segment's records must start below 2 GiB.
    if (segmentBytes < 1 || segmentBytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "segment bytes must be between 1 and 2^31-1: " + segmentBytes);
    }
    if (indexIntervalBytes < 1) {
      throw new IllegalArgumentException("index interval must be positive: " + indexIntervalBytes);
    }
    if (checkpointCompactBytes < 1) {
      throw new IllegalArgumentException("checkpoint compaction size must be positive");
    }
  }

  public static LogSettings defaults() {
    return new LogSettings(
        DEFAULT_SEGMENT_BYTES,
        DEFAULT_INDEX_INTERVAL_BYTES,
        Retention.KEEP_ALL,
        Duration.ofSeconds(10),
        1024 * 1024,
        InstantSource.system());
  }

  public LogSettings withSegmentBytes(long bytes) {
    return new LogSettings(
        bytes,
        indexIntervalBytes,
        retention,
        retentionCheckInterval,
        checkpointCompactBytes,
        clock);
  }

  public LogSettings withIndexIntervalBytes(int bytes) {
    return new LogSettings(
        segmentBytes, bytes, retention, retentionCheckInterval, checkpointCompactBytes, clock);
  }

  public LogSettings withRetention(Retention value) {
    return new LogSettings(
        segmentBytes,
        indexIntervalBytes,
        value,
        retentionCheckInterval,
        checkpointCompactBytes,
        clock);
  }

  public LogSettings withRetentionCheckInterval(Duration value) {
    return new LogSettings(
        segmentBytes, indexIntervalBytes, retention, value, checkpointCompactBytes, clock);
  }

  public LogSettings withCheckpointCompactBytes(long bytes) {
    return new LogSettings(
        segmentBytes, indexIntervalBytes, retention, retentionCheckInterval, bytes, clock);
  }

  public LogSettings withClock(InstantSource value) {
    return new LogSettings(
        segmentBytes,
        indexIntervalBytes,
        retention,
        retentionCheckInterval,
        checkpointCompactBytes,
        value);
  }
}

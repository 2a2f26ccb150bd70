package io.tributary.log;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When the writer deletes old data of a stream. Only whole closed segments are deleted, oldest
 * first, never the segment being appended to; so a stream may hold up to one segment more than the
 * limit says, and the newest records always stay.
 *
 * @param maxBytes delete while the stream is larger than this; empty for no size limit
 * @param maxAge delete a segment once its last record is older than this; empty to keep any age
 */
public record Retention(OptionalLong maxBytes, Optional<Duration> maxAge) {

  /** Keep everything: the default. */
  public static final Retention KEEP_ALL = new Retention(OptionalLong.empty(), Optional.empty());

  public Retention {
    Objects.requireNonNull(maxBytes, "maxBytes");
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxBytes.isPresent() && maxBytes.getAsLong() < 0) {
      throw new IllegalArgumentException("retention bytes must not be negative: " + maxBytes);
    }
    if (maxAge.isPresent() && (maxAge.get().isNegative() || maxAge.get().isZero())) {
      throw new IllegalArgumentException("retention time must be positive: " + maxAge.get());
    }
  }

  public static Retention bySize(long maxBytes) {
    return new Retention(OptionalLong.of(maxBytes), Optional.empty());
  }

  public static Retention byAge(Duration maxAge) {
    return new Retention(OptionalLong.empty(), Optional.of(maxAge));
  }

  public boolean keepsAll() {
    return maxBytes.isEmpty() && maxAge.isEmpty();
  }
}

package io.tributary.log;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One committed record of a stream. The arrays are not copied; equality compares their contents.
 *
 * @param offset position in the stream, from 0, consecutive
 * @param timestampMs when it was appended (for Tributary events: when the event was processed)
 * @param key the key bytes, or null
 * @param value the value bytes, or null
 */
public record LogRecord(long offset, long timestampMs, byte[] key, byte[] value) {

  /** Bytes of its key and value. */
  public long sizeInBytes() {
    return (key == null ? 0 : key.length) + (value == null ? 0 : (long) value.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogRecord r
        && offset == r.offset
        && timestampMs == r.timestampMs
        && Arrays.equals(key, r.key)
        && Arrays.equals(value, r.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(offset, timestampMs, Arrays.hashCode(key), Arrays.hashCode(value));
  }

  @Override
  public String toString() {
    return "LogRecord[offset="
        + offset
        + ", timestampMs="
        + timestampMs
        + ", key="
        + hex(key)
        + ", value="
        + (value == null ? "null" : value.length + " bytes")
        + "]";
  }

  private static String hex(byte[] bytes) {
    return bytes == null ? "null" : HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 32));
  }
}

package io.tributary.log.segment;

/**
 * The key and value of a record to append, each a slice of an array (or null: length -1). Mutable
 * and reused record after record by one writer, so appending allocates nothing.
 */
public final class RecordBytes {
  private byte[] keyBytes;
  private int keyOffset;
  private int keyLength = -1;
  private byte[] valueBytes;
  private int valueOffset;
  private int valueLength = -1;

  /** Whole arrays, either may be null. */
  public RecordBytes set(byte[] key, byte[] value) {
    return set(key, 0, key == null ? -1 : key.length, value, 0, value == null ? -1 : value.length);
  }

  /** Slices; a length of -1 stands for null. */
  public RecordBytes set(
      byte[] key, int keyOffset, int keyLength, byte[] value, int valueOffset, int valueLength) {
    this.keyBytes = key;
    this.keyOffset = keyOffset;
    this.keyLength = keyLength;
    this.valueBytes = value;
    this.valueOffset = valueOffset;
    this.valueLength = valueLength;
    return this;
  }

  public byte[] keyBytes() {
    return keyBytes;
  }

  public int keyOffset() {
    return keyOffset;
  }

  public int keyLength() {
    return keyLength;
  }

  public byte[] valueBytes() {
    return valueBytes;
  }

  public int valueOffset() {
    return valueOffset;
  }

  public int valueLength() {
    return valueLength;
  }

  /** The encoded size of the record ({@link RecordFormat#size(int, int)}). */
  public int recordSize() {
    return RecordFormat.size(keyLength, valueLength);
  }
}

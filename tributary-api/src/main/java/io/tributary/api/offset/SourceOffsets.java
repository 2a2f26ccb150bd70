package io.tributary.api.offset;

/** Reads offsets back from their text form, whatever the source. */
public final class SourceOffsets {
  private SourceOffsets() {}

  public static SourceOffset decode(String text) {
    if (text != null && text.startsWith(PostgresOffset.PREFIX)) {
      return PostgresOffset.decode(text);
    }
    throw new IllegalArgumentException("unknown offset format: " + text);
  }
}

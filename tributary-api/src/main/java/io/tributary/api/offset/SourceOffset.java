package io.tributary.api.offset;

/**
 * A position in a source from which capture can resume. Each source has its own typed offset; they
 * are values, stored as text with the data they cover ({@link #encode()}), and read back with
 * {@link SourceOffsets#decode(String)}.
 */
public sealed interface SourceOffset permits PostgresOffset {

  /** A stable, single-line text form; {@code SourceOffsets.decode(encode())} equals this offset. */
  String encode();
}

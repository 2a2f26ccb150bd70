package io.tributary.postgres.pgoutput;

/**
 * A replication message could not be decoded: it is truncated, malformed, of an unknown type, or of
 * a protocol version this decoder does not speak. Retrying the same bytes cannot help, so callers
 * should treat it as fatal.
 */
public final class PgOutputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PgOutputException(String message) {
    super(message);
  }
}

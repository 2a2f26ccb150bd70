package io.tributary.server.store;

/** The metadata store failed; the message says what and, where it can, how to fix it. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

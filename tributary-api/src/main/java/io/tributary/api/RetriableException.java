package io.tributary.api;

/**
 * A failure that may go away by itself: a lost connection, a server restarting, a timeout. The
 * engine stops the task, waits with exponential backoff and jitter, and starts it again from the
 * last committed offset.
 */
public class RetriableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RetriableException(String message) {
    super(message);
  }

  public RetriableException(String message, Throwable cause) {
    super(message, cause);
  }
}

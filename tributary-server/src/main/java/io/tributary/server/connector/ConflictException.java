package io.tributary.server.connector;

/**
 * The request conflicts with the current state (a name already taken, pausing what does not run);
 * the message says what the state is and what would work.
 */
public final class ConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}

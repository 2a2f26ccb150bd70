package io.tributary.server.connector;

/** The thing asked for does not exist; the message names it. */
public final class NotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}

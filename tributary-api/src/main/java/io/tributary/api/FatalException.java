package io.tributary.api;

/**
 * A failure that retrying cannot fix: bad credentials, a missing privilege, a misconfiguration. The
 * pipeline fails and shows this message, which must say what happened and what to do about it.
 */
public class FatalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FatalException(String message) {
    super(message);
  }

  public FatalException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.tributary.testkit.postgres;

/**
 * A private PostgreSQL server could not be set up, started, stopped or killed. The message says
 * which step failed and carries the tail of the tool output and of the server log.
 */
public final class PostgresServerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PostgresServerException(String message) {
    super(message);
  }

  public PostgresServerException(String message, Throwable cause) {
    super(message, cause);
  }
}

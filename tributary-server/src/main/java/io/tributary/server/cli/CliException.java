package io.tributary.server.cli;

/**
 * A failure the user can act on, reported as its message alone (no stack trace) with its exit code.
 * The message says what happened and what to do.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  static CliException invalid(String message) {
    return new CliException(ExitCodes.INVALID, message);
  }

  int exitCode() {
    return exitCode;
  }
}

package io.tributary.server.cli;

/** What the {@code tributary} process's exit status means. */
final class ExitCodes {
  /** Done, or stopped cleanly (Ctrl-C, SIGTERM, source ended). */
  static final int OK = 0;

  /** The pipeline failed, or an unexpected error happened. */
  static final int FAILED = 1;

  /** Bad configuration, bad usage, or a prerequisite check failed: nothing was changed. */
  static final int INVALID = 2;

  private ExitCodes() {}
}

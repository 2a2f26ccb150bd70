package io.tributary.server.cli;

/** The marks that start report lines. */
final class Symbols {
  static final String PASSED = "✓";
  static final String WARNING = "!";
  static final String FAILED = "✗";

  private Symbols() {}
}

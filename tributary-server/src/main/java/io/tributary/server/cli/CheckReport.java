package io.tributary.server.cli;

import io.tributary.api.Check;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints prerequisite checks, one per line, marked ✓ passed, ! warning or ✗ failed, with the fix.
 */
final class CheckReport {
  private CheckReport() {}

  /** Prints {@code checks} and returns how many failed. */
  static long print(List<Check> checks, PrintStream out) {
    for (Check c : checks) {
      out.println("  " + mark(c.status()) + " " + c.name() + ": " + c.message());
      if (c.fix() != null && !c.fix().isBlank()) {
        out.println("      fix: " + c.fix());
      }
    }
    return checks.stream().filter(Check::failed).count();
  }

  static String mark(Check.Status status) {
    return switch (status) {
      case PASSED -> Symbols.PASSED;
      case WARNING -> Symbols.WARNING;
      case FAILED -> Symbols.FAILED;
    };
  }
}

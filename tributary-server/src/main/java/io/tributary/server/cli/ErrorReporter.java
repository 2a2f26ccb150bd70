package io.tributary.server.cli;

import io.tributary.api.FatalException;
import io.tributary.api.config.ConfigError;
import io.tributary.api.config.ConfigException;
import java.io.IOException;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception that escaped a command into one clear message on stderr and an exit code. The
 * stack trace is shown only with {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  private final PrintStream err;
  private final Main main;

  ErrorReporter(PrintStream err, Main main) {
    this.err = err;
    this.main = main;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
    int exitCode = report(e);
    if (main.verbose()) {
      e.printStackTrace(err);
    }
    err.flush();
    return exitCode;
  }

  private int report(Exception e) {
    return switch (e) {
      case ConfigException c -> {
        err.println(
            Symbols.FAILED
                + " Invalid configuration ("
                + plural(c.errors().size(), "problem")
                + "):");
        for (ConfigError error : c.errors()) {
          err.println("  - " + error.field() + ": " + error.message());
        }
        yield ExitCodes.INVALID;
      }
      case CliException c -> {
        err.println(Symbols.FAILED + " " + c.getMessage());
        yield c.exitCode();
      }
      case FatalException f -> {
        err.println(Symbols.FAILED + " " + f.getMessage());
        yield ExitCodes.FAILED;
      }
      case IOException io -> {
        err.println(Symbols.FAILED + " " + io.getMessage());
        yield ExitCodes.FAILED;
      }
      default -> {
        err.println(
            Symbols.FAILED
                + " Unexpected error: "
                + e
                + (main.verbose() ? "" : " (run again with --verbose to see where it happened)"));
        yield ExitCodes.FAILED;
      }
    };
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}

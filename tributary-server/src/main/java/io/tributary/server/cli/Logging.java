package io.tributary.server.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * java.util.logging for the CLI: one line per record on stderr ({@code 12:00:01 WARNING Pipeline:
 * message}). Tributary logs at INFO, libraries at WARNING; {@code --verbose} adds Tributary's FINE
 * records, milliseconds in the time and the stack traces of logged exceptions.
 */
final class Logging {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  // held in a static so the configured level is not lost when the logger is garbage collected
  private static final Logger TRIBUTARY = Logger.getLogger("io.tributary");

  private Logging() {}

  static void configure(PrintStream err, boolean verbose) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    root.addHandler(new LineHandler(err, verbose));
    TRIBUTARY.setLevel(verbose ? Level.FINE : Level.INFO);
  }

  /**
   * Writes and flushes each record as it comes, so lines interleave correctly with other output.
   */
  private static final class LineHandler extends Handler {
    private final PrintStream err;

    LineHandler(PrintStream err, boolean verbose) {
      this.err = err;
      setLevel(Level.ALL);
      setFormatter(new OneLine(verbose));
    }

    @Override
    public void publish(LogRecord record) {
      if (isLoggable(record)) {
        err.print(getFormatter().format(record));
        err.flush();
      }
    }

    @Override
    public void flush() {
      err.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }

  private static final class OneLine extends Formatter {
    private final boolean verbose;

    OneLine(boolean verbose) {
      this.verbose = verbose;
    }

    @Override
    public String format(LogRecord r) {
      StringBuilder line =
          new StringBuilder()
              .append(
                  (verbose ? MILLIS : TIME)
                      .format(LocalTime.ofInstant(r.getInstant(), ZoneId.systemDefault())))
              .append(' ')
              .append(r.getLevel().getName())
              .append(' ')
              .append(simpleName(r.getLoggerName()))
              .append(": ")
              .append(formatMessage(r));
      if (r.getThrown() != null) {
        line.append(" (").append(r.getThrown()).append(')');
        if (verbose) {
          StringWriter trace = new StringWriter();
          r.getThrown().printStackTrace(new PrintWriter(trace));
          line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        }
      }
      return line.append(System.lineSeparator()).toString();
    }

    private static String simpleName(String logger) {
      return logger == null ? "" : logger.substring(logger.lastIndexOf('.') + 1);
    }
  }
}

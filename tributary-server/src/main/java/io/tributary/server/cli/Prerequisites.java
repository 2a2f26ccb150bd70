package io.tributary.server.cli;

import io.tributary.api.Check;
import io.tributary.server.pipeline.ValidPipeline;
import java.io.PrintStream;
import java.util.List;
import java.util.logging.Logger;

/** Runs a pipeline's prerequisite checks against its source and prints them. */
final class Prerequisites {
  private static final Logger LOG = Logger.getLogger(Prerequisites.class.getName());

  private Prerequisites() {}

  /** Prints every check to {@code out}; true when none failed. Changes nothing on the source. */
  static boolean check(ValidPipeline pipeline, PrintStream out) {
    out.println(
        "Checking the "
            + pipeline.connector().type()
            + " source of pipeline '"
            + pipeline.name()
            + "':");
    long start = System.nanoTime();
    List<Check> checks = pipeline.connector().check(pipeline.source(), pipeline.name());
    LOG.fine(() -> "prerequisite checks took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    long failed = CheckReport.print(checks, out);
    if (failed > 0) {
      out.println(
          Symbols.FAILED
              + " "
              + ErrorReporter.plural(failed, "check")
              + " failed; nothing was "
              + "changed. Fix "
              + (failed == 1 ? "it" : "them")
              + " and try again.");
    }
    return failed == 0;
  }
}

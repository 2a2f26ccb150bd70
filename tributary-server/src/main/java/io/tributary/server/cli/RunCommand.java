package io.tributary.server.cli;

import io.tributary.engine.pipeline.PipelineState;
import io.tributary.engine.pipeline.PipelineStatus;
import io.tributary.server.pipeline.ValidPipeline;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tributary run PIPELINE.yaml}: validates, checks prerequisites, then captures in the
 * foreground until Ctrl-C or SIGTERM, which stop it cleanly.
 */
@Command(
    name = "run",
    description = {
      "Capture a pipeline's changes into its log until stopped with Ctrl-C (or SIGTERM).",
      "Exit status: 0 stopped cleanly, 1 the pipeline failed, 2 invalid file or failed prerequisite check."
    })
final class RunCommand implements Callable<Integer> {
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  @ParentCommand private Main main;

  @Parameters(paramLabel = "PIPELINE.yaml", description = "The pipeline file.")
  private Path file;

  @Option(
      names = "--status-every",
      defaultValue = "10",
      paramLabel = "SECONDS",
      description =
          "Print a status line to stderr this often (default: ${DEFAULT-VALUE}); 0 turns it off.")
  private int statusSeconds;

  @Override
  public Integer call() throws InterruptedException {
    PrintStream err = main.terminal().err();
    ValidPipeline pipeline = Components.loader().load(file);
    if (!Prerequisites.check(pipeline, err)) {
      return ExitCodes.INVALID;
    }
    try (PipelineRun run = PipelineRun.open(pipeline)) {
      err.println(
          "Running pipeline '"
              + pipeline.name()
              + "' into "
              + Components.logDirectory(pipeline)
              + ". Stop with Ctrl-C. In another terminal: '"
              + Main.commandName()
              + " streams --pipeline "
              + file
              + "' lists its streams, '"
              + Main.commandName()
              + " tail --pipeline "
              + file
              + " STREAM' follows one.");
      return runUntilDone(run, err);
    }
  }

  private int runUntilDone(PipelineRun run, PrintStream err) throws InterruptedException {
    GracefulShutdown shutdown = new GracefulShutdown(run::stop, STOP_GRACE, err);
    int exitCode = ExitCodes.FAILED;
    try (StatusReporter status = statusReporter(run, err)) {
      PipelineState end = run.run();
      exitCode = report(run.name(), end, run.status(), err);
    } finally {
      run.close(); // before finished(): the hook may end the process right after it
      shutdown.finished(exitCode);
      shutdown.close();
    }
    return exitCode;
  }

  private StatusReporter statusReporter(PipelineRun run, PrintStream err) {
    return statusSeconds <= 0
        ? null
        : new StatusReporter(
            run.name(), run::status, Duration.ofSeconds(statusSeconds), err, Clock.systemUTC());
  }

  private static int report(
      String name, PipelineState end, PipelineStatus status, PrintStream err) {
    if (end == PipelineState.FAILED) {
      err.println(Symbols.FAILED + " Pipeline '" + name + "' failed: " + status.lastError());
      return ExitCodes.FAILED;
    }
    err.printf(
        "Pipeline '%s' stopped after writing %,d events; the next run resumes where it left off.%n",
        name, status.eventsWritten());
    return ExitCodes.OK;
  }
}

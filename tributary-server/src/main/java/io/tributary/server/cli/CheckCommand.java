package io.tributary.server.cli;

import io.tributary.server.pipeline.ValidPipeline;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tributary check PIPELINE.yaml}: validation and prerequisite checks, changing nothing. */
@Command(
    name = "check",
    description = {
      "Validate a pipeline file and check the source's prerequisites, without changing anything.",
      "Exit status: 0 ready to run, 2 invalid file or failed check."
    })
final class CheckCommand implements Callable<Integer> {
  @ParentCommand private Main main;

  @Parameters(paramLabel = "PIPELINE.yaml", description = "The pipeline file.")
  private Path file;

  @Override
  public Integer call() {
    Terminal terminal = main.terminal();
    ValidPipeline pipeline = Components.loader().load(file);
    terminal
        .out()
        .println(
            Symbols.PASSED + " " + file + " is a valid pipeline named '" + pipeline.name() + "'.");
    if (!Prerequisites.check(pipeline, terminal.out())) {
      return ExitCodes.INVALID;
    }
    terminal
        .out()
        .println("Ready: start capturing with '" + Main.commandName() + " run " + file + "'.");
    return ExitCodes.OK;
  }
}

package io.tributary.server.cli;

import io.tributary.log.LogReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tributary streams --pipeline PIPELINE.yaml}: the streams of a pipeline's log and their
 * sizes.
 */
@Command(
    name = "streams",
    description = {
      "List the streams of a pipeline's log with how many events each holds and their offsets.",
      "Works while 'tributary run' writes the log in another process."
    })
final class StreamsCommand implements Callable<Integer> {
  @ParentCommand private Main main;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private LogLocation location;

  @Override
  public Integer call() throws IOException {
    Path dir = location.directory();
    PrintStream out = main.terminal().out();
    try (LogReader reader = LogReader.open(dir)) {
      List<String> streams = reader.streams();
      if (streams.isEmpty()) {
        main.terminal()
            .err()
            .println("The log at " + dir + " has no streams yet; 'tributary run' writes them.");
        return ExitCodes.OK;
      }
      int width =
          Math.max("STREAM".length(), streams.stream().mapToInt(String::length).max().orElse(0));
      String row = "%-" + width + "s  %12s  %12s  %12s%n";
      out.printf(row, "STREAM", "EVENTS", "FIRST OFFSET", "NEXT OFFSET");
      for (String stream : streams) {
        long first = reader.earliestOffset(stream);
        long end = reader.endOffset(stream);
        out.printf(row, stream, String.format("%,d", end - first), first, end);
      }
    }
    return ExitCodes.OK;
  }
}

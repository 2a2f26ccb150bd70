package io.tributary.server.cli;

import io.tributary.log.LogReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tributary tail --pipeline PIPELINE.yaml STREAM}: prints a stream's events as JSON lines.
 * Reads only what is committed, so it works while {@code run} writes in another process.
 */
@Command(
    name = "tail",
    description = {
      "Print a stream's events as JSON lines (one Debezium-style envelope per line), following new ones.",
      "Works while 'tributary run' writes the log in another process.",
      "Exit status: 0 done, 2 unknown stream or log."
    })
final class TailCommand implements Callable<Integer> {
  @ParentCommand private Main main;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private LogLocation location;

  @Parameters(
      paramLabel = "STREAM",
      description = "The stream, e.g. shop.public.orders ('tributary streams' lists them).")
  private String stream;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  private Start start;

  @Option(
      names = "--no-follow",
      description = "Exit at the committed end instead of waiting for new events.")
  private boolean noFollow;

  @Option(names = "--max", paramLabel = "N", description = "Exit after printing N events.")
  private long max = Long.MAX_VALUE;

  /** Where to start; default: the current end, so only new events are printed. */
  static final class Start {
    @Option(
        names = "--from-beginning",
        required = true,
        description = "Start at the oldest event the log holds.")
    boolean fromBeginning;

    @Option(
        names = "--offset",
        paramLabel = "N",
        required = true,
        description = "Start at offset N.")
    Long offset;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (max < 0) {
      throw CliException.invalid("--max must be 0 or more, was " + max);
    }
    Path dir = location.directory();
    PrintStream err = main.terminal().err();
    try (LogReader reader = LogReader.open(dir)) {
      requireStream(reader, dir);
      long from = startOffset(reader, err);
      long until = noFollow ? reader.endOffset(stream) : StreamPrinter.FOREVER;
      new StreamPrinter(reader, stream, main.terminal().out(), from).print(until, max, () -> false);
    }
    return ExitCodes.OK;
  }

  private void requireStream(LogReader reader, Path dir) throws IOException {
    List<String> streams = reader.streams();
    if (streams.contains(stream)) {
      return;
    }
    throw CliException.invalid(
        streams.isEmpty()
            ? "the log at "
                + dir
                + " has no streams yet; is the pipeline running? ('tributary run' writes them)"
            : "no stream '"
                + stream
                + "' in the log at "
                + dir
                + "; the streams are: "
                + String.join(", ", streams));
  }

  private long startOffset(LogReader reader, PrintStream err) throws IOException {
    if (start == null) {
      return reader.endOffset(stream);
    }
    if (start.fromBeginning) {
      return reader.earliestOffset(stream);
    }
    if (start.offset < 0) {
      throw CliException.invalid("--offset must be 0 or more, was " + start.offset);
    }
    long earliest = reader.earliestOffset(stream);
    if (start.offset < earliest) {
      err.println(
          Symbols.WARNING
              + " offset "
              + start.offset
              + " is no longer in the log (retention deleted it); "
              + "starting at "
              + earliest
              + ", the oldest held");
      return earliest;
    }
    return start.offset;
  }
}

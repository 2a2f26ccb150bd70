package io.tributary.server.cli;

import io.tributary.log.LogDestination;
import io.tributary.log.LogReader;
import io.tributary.server.pipeline.PipelineLoader.ReadablePipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * Which pipeline's log a reading command reads: given by its pipeline file ({@code --pipeline}),
 * which needs no source secrets, or by a directory ({@code --data}), either the pipeline's log
 * directory or the {@code path} above it when that holds a single pipeline's log.
 */
final class LogLocation {
  @Option(
      names = "--pipeline",
      paramLabel = "PIPELINE.yaml",
      required = true,
      description = "The pipeline file whose log to read.")
  private Path pipeline;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      required = true,
      description =
          "The log directory to read instead, e.g. ./data/shop (or ./data if it holds one pipeline).")
  private Path data;

  /**
   * The log directory; it exists. Exactly one of the options is set (picocli's exclusive group).
   */
  Path directory() {
    return pipeline != null ? fromPipeline() : fromData();
  }

  private Path fromPipeline() {
    ReadablePipeline p = Components.loader().loadForReading(pipeline);
    Path dir = LogDestination.directory(p.destination(), p.name());
    if (!Files.isDirectory(dir)) {
      throw CliException.invalid(
          "pipeline '"
              + p.name()
              + "' has no log at "
              + dir
              + " yet; start it first with '"
              + Main.commandName()
              + " run "
              + pipeline
              + "'");
    }
    return dir;
  }

  private Path fromData() {
    if (!Files.isDirectory(data)) {
      throw CliException.invalid(
          data
              + " is not a directory; pass the log directory of a pipeline, "
              + "<destination.path>/<pipeline name> (e.g. ./data/shop)");
    }
    if (hasCommits(data)) {
      return data;
    }
    List<Path> logs = logsIn(data);
    if (logs.size() > 1) {
      throw CliException.invalid(
          data
              + " holds the logs of several pipelines; pass one of: "
              + String.join(", ", logs.stream().map(Path::toString).toList()));
    }
    // an empty data directory may be a log that was never committed to: readers say "no streams
    // yet"
    return logs.isEmpty() ? data : logs.getFirst();
  }

  private static boolean hasCommits(Path dir) {
    try (LogReader reader = LogReader.open(dir)) {
      return reader.committedPosition().isPresent();
    } catch (IOException e) {
      return false;
    }
  }

  private static List<Path> logsIn(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return new ArrayList<>(
          children.filter(Files::isDirectory).filter(LogLocation::hasCommits).sorted().toList());
    } catch (IOException e) {
      throw CliException.invalid(
          "cannot list " + dir + " (" + e.getMessage() + "); check the path and permissions");
    }
  }
}

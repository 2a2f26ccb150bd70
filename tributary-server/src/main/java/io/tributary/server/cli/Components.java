package io.tributary.server.cli;

import io.tributary.api.Destination;
import io.tributary.log.LogDestination;
import io.tributary.server.pipeline.Connectors;
import io.tributary.server.pipeline.PipelineLoader;
import io.tributary.server.pipeline.PipelineValidator;
import io.tributary.server.pipeline.ReferenceResolver;
import io.tributary.server.pipeline.ValidPipeline;
import java.nio.file.Path;

/** What the commands are made of: the connectors on the class path and the embedded log. */
final class Components {
  private Components() {}

  /**
   * Loads pipeline files against the installed connectors and the log, with the process
   * environment.
   */
  static PipelineLoader loader() {
    return new PipelineLoader(
        new PipelineValidator(
            Connectors.installed(), LogDestination.SPEC, ReferenceResolver.system()));
  }

  static Destination openDestination(ValidPipeline pipeline) {
    return LogDestination.open(pipeline.destination(), pipeline.name());
  }

  /** Where the pipeline's log lives: {@code <destination.path>/<name>}. */
  static Path logDirectory(ValidPipeline pipeline) {
    return LogDestination.directory(pipeline.destination(), pipeline.name());
  }
}

package io.tributary.server.pipeline;

import io.tributary.api.SourceConnector;
import io.tributary.api.config.Config;

/**
 * A pipeline whose document passed validation, with its references resolved and its configs frozen:
 * ready to check and run.
 *
 * @param definition the document as written
 * @param connector the connector of {@code source.type}
 * @param source the source's config, references resolved
 * @param destination the log destination's config, references resolved
 */
public record ValidPipeline(
    PipelineDefinition definition, SourceConnector connector, Config source, Config destination) {

  public String name() {
    return definition.name();
  }
}

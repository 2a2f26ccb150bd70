package io.tributary.server.pipeline;

import io.tributary.api.SourceConnector;
import io.tributary.api.config.Config;
import io.tributary.api.config.ConfigError;
import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigSpec;
import io.tributary.api.config.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates what a {@link PipelineDefinition}'s source and destination contain: resolves their
 * references, picks the source connector by {@code source.type} and checks both mappings against
 * their {@link ConfigSpec}s, reporting every problem at once. Thread-safe.
 */
public final class PipelineValidator {
  /** The only destination type so far. */
  public static final String LOG = "log";

  private final Connectors connectors;
  private final ConfigSpec logSpec;
  private final ReferenceResolver resolver;

  /**
   * @param connectors the source connectors that {@code source.type} may name
   * @param logSpec the config spec of the {@code log} destination
   * @param resolver resolves {@code ${env:…}} and {@code ${file:…}} references
   */
  public PipelineValidator(Connectors connectors, ConfigSpec logSpec, ReferenceResolver resolver) {
    this.connectors = connectors;
    this.logSpec = logSpec;
    this.resolver = resolver;
  }

  /** The same validator, resolving relative {@code ${file:…}} paths from {@code directory}. */
  public PipelineValidator relativeTo(Path directory) {
    return new PipelineValidator(connectors, logSpec, resolver.relativeTo(directory));
  }

  /** The validated pipeline, or a {@link ConfigException} listing every problem. */
  public ValidPipeline validate(PipelineDefinition definition) {
    List<ConfigError> errors = new ArrayList<>();
    Optional<ValidPipeline> valid = validate(definition, errors);
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return valid.orElseThrow();
  }

  /** Only the destination's config: all that reading a pipeline's streams needs. */
  public Config destination(PipelineDefinition definition) {
    List<ConfigError> errors = new ArrayList<>();
    Config config = destination(definition, errors);
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return config;
  }

  /**
   * Adds every problem to {@code errors}; the pipeline when there was none. A source or destination
   * that {@code errors} already rejects as a whole is not looked into.
   */
  Optional<ValidPipeline> validate(PipelineDefinition definition, List<ConfigError> errors) {
    int before = errors.size();
    boolean sourceUnusable = errors.stream().anyMatch(e -> e.field().equals("source"));
    Optional<SourceConnector> connector =
        sourceUnusable ? Optional.empty() : connector(definition.sourceType(), errors);
    Config source =
        connector
            .map(c -> config(c.configSpec(), definition.source(), "source.", errors))
            .orElse(null);
    Config destination =
        errors.stream().anyMatch(e -> e.field().equals("destination"))
            ? null
            : destination(definition, errors);
    if (errors.size() > before || source == null || destination == null) {
      return Optional.empty();
    }
    return Optional.of(new ValidPipeline(definition, connector.orElseThrow(), source, destination));
  }

  private Config destination(PipelineDefinition definition, List<ConfigError> errors) {
    if (!LOG.equals(definition.destinationType())) {
      errors.add(
          new ConfigError(
              "destination.type",
              "unknown destination type '"
                  + definition.destinationType()
                  + "'; the only destination so far is '"
                  + LOG
                  + "'"));
      return null;
    }
    return config(logSpec, definition.destination(), "destination.", errors);
  }

  private Optional<SourceConnector> connector(String type, List<ConfigError> errors) {
    String known =
        connectors.types().isEmpty()
            ? "no source connector is installed; the class path lacks tributary-postgres"
            : "known types: " + String.join(", ", connectors.types());
    if (type == null) {
      errors.add(new ConfigError("source.type", "is required: the kind of source (" + known + ")"));
      return Optional.empty();
    }
    Optional<SourceConnector> connector = connectors.find(type);
    if (connector.isEmpty()) {
      errors.add(
          new ConfigError(
              "source.type",
              "unknown source type '"
                  + type
                  + "'"
                  + Suggestions.hint(type, connectors.types())
                  + " ("
                  + known
                  + ")"));
    }
    return connector;
  }

  /**
   * The frozen config, or null with the problems added. A field whose reference did not resolve
   * gets only that error, not a second one about the unresolved text.
   */
  private Config config(
      ConfigSpec spec, Map<String, Object> fields, String prefix, List<ConfigError> errors) {
    Map<String, Object> withoutType = new LinkedHashMap<>(fields);
    withoutType.remove("type"); // it picked the component; it is not one of its fields
    List<ConfigError> referenceErrors = new ArrayList<>();
    Map<String, Object> resolved = resolver.resolve(withoutType, prefix, referenceErrors);
    List<ConfigError> specErrors =
        spec.validate(resolved, prefix).stream()
            .filter(e -> referenceErrors.stream().noneMatch(r -> sameField(r.field(), e.field())))
            .toList();
    errors.addAll(referenceErrors);
    errors.addAll(specErrors);
    return referenceErrors.isEmpty() && specErrors.isEmpty() ? spec.parse(resolved, prefix) : null;
  }

  private static boolean sameField(String referenceField, String specField) {
    return referenceField.equals(specField)
        || referenceField.startsWith(specField + ".")
        || referenceField.startsWith(specField + "[");
  }
}

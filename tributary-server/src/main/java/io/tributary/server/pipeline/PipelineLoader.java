package io.tributary.server.pipeline;

import io.tributary.api.config.Config;
import io.tributary.api.config.ConfigError;
import io.tributary.api.config.ConfigException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads pipeline documents: parses them, reads their shape and validates their contents, then
 * throws one {@link ConfigException} with every problem found, or returns the result. Thread-safe.
 */
public final class PipelineLoader {
  private final PipelineValidator validator;

  public PipelineLoader(PipelineValidator validator) {
    this.validator = validator;
  }

  /**
   * The validated pipeline of a YAML file; relative {@code ${file:…}} paths start at its directory.
   */
  public ValidPipeline load(Path file) {
    return load(readFile(file), PipelineFormat.YAML, file.toString(), directoryOf(file));
  }

  /** The validated pipeline of a document. */
  public ValidPipeline load(String text, PipelineFormat format, String origin, Path baseDirectory) {
    List<ConfigError> errors = new ArrayList<>();
    Optional<ValidPipeline> valid =
        PipelineReader.read(format.parse(text, origin), origin, errors)
            .flatMap(
                definition -> validator.relativeTo(baseDirectory).validate(definition, errors));
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return valid.orElseThrow();
  }

  /** The definition a document states, its shape checked but its source and destination not. */
  public PipelineDefinition read(String text, PipelineFormat format, String origin) {
    List<ConfigError> errors = new ArrayList<>();
    Optional<PipelineDefinition> definition =
        PipelineReader.read(format.parse(text, origin), origin, errors);
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return definition.orElseThrow();
  }

  /**
   * The definition a parsed document (a tree of maps, lists and scalars, as the REST API receives
   * it) states, its shape checked but its source and destination not.
   */
  public PipelineDefinition read(Object tree, String origin) {
    List<ConfigError> errors = new ArrayList<>();
    Optional<PipelineDefinition> definition = PipelineReader.read(tree, origin, errors);
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return definition.orElseThrow();
  }

  /** The validator this loader uses. */
  public PipelineValidator validator() {
    return validator;
  }

  /**
   * The name and destination config of a YAML file, leaving the source unchecked: what readers of a
   * pipeline's streams need, without the source's secrets.
   */
  public ReadablePipeline loadForReading(Path file) {
    PipelineDefinition definition = read(readFile(file), PipelineFormat.YAML, file.toString());
    Config destination = validator.relativeTo(directoryOf(file)).destination(definition);
    return new ReadablePipeline(definition.name(), destination);
  }

  /** The name and destination config of a pipeline, all that reading its streams needs. */
  public record ReadablePipeline(String name, Config destination) {}

  private static String readFile(Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw unreadable(file, "no such file; check the path");
    } catch (CharacterCodingException e) {
      throw unreadable(file, "not UTF-8 text; save the pipeline file as UTF-8");
    } catch (IOException e) {
      throw unreadable(
          file, "cannot read it (" + e.getMessage() + "); check the path and permissions");
    }
  }

  private static ConfigException unreadable(Path file, String message) {
    return new ConfigException(List.of(new ConfigError(file.toString(), message)));
  }

  private static Path directoryOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of("") : parent;
  }
}

package io.tributary.server.pipeline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.tributary.api.config.ConfigError;
import io.tributary.api.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The two spellings of a pipeline document: YAML for files, JSON for the REST API. Both parse to
 * the same tree of mappings, lists and scalars, and write a {@link PipelineDefinition} back as
 * {@code name}, {@code source}, {@code destination}. Thread-safe.
 */
public enum PipelineFormat {
  YAML(
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .build())),
  JSON(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));

  private final ObjectMapper mapper;

  PipelineFormat(ObjectMapper mapper) {
    this.mapper = mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  /**
   * The document's tree: a mapping of field to value, where values are strings, numbers, booleans,
   * null, lists and mappings. Null for an empty document.
   *
   * @param origin names the document in errors, e.g. the file name
   * @throws ConfigException when the text is not well-formed, naming line and column
   */
  public Object parse(String text, String origin) {
    try (JsonParser parser = mapper.createParser(text)) {
      return parser.nextToken() == null ? null : mapper.readValue(parser, Object.class);
    } catch (JsonProcessingException e) {
      throw new ConfigException(List.of(new ConfigError(origin, syntaxError(e))));
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a string cannot fail", e);
    }
  }

  /** The definition as a document of this format, fields in the order name, source, destination. */
  public String write(PipelineDefinition definition) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("name", definition.name());
    document.put("source", definition.source());
    document.put("destination", definition.destination());
    try {
      return mapper.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a pipeline definition holds only plain values", e);
    }
  }

  private String syntaxError(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      return "malformed YAML"
          + at(yaml.getProblemMark())
          + ": "
          + yaml.getProblem()
          + (yaml.getContext() == null
              ? ""
              : " ("
                  + yaml.getContext()
                  + (yaml.getContextMark() == null
                      ? ""
                      : " that starts" + at(yaml.getContextMark()))
                  + ")")
          + hint();
    }
    JsonLocation at = e.getLocation();
    String where =
        at == null || at.getLineNr() < 1
            ? ""
            : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return "malformed " + name() + where + ": " + firstLine(e.getOriginalMessage()) + hint();
  }

  // snakeyaml counts from 0
  private static String at(Mark mark) {
    return " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  private String hint() {
    return this == YAML
        ? "; check the indentation and quoting there (values with ': ', '#' or starting with '{', '[', '*', '&' need quotes)"
        : "";
  }

  private static String firstLine(String message) {
    String m = message == null ? "unreadable document" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }
}

package io.tributary.server.pipeline;

import io.tributary.api.config.ConfigError;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} (an environment variable) and {@code ${file:PATH}} (a file's
 * content, trailing line breaks removed) in every string of a document tree, also inside longer
 * strings. A relative PATH is relative to the pipeline file's directory. Thread-safe.
 */
public final class ReferenceResolver {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+):([^}]*)}");

  private final UnaryOperator<String> environment;
  private final Path baseDirectory;

  /**
   * @param environment looks up an environment variable, null when unset ({@code System::getenv})
   * @param baseDirectory where relative {@code ${file:…}} paths start
   */
  public ReferenceResolver(UnaryOperator<String> environment, Path baseDirectory) {
    this.environment = environment;
    this.baseDirectory = baseDirectory;
  }

  /** Resolves against the process environment, relative files from the working directory. */
  public static ReferenceResolver system() {
    return new ReferenceResolver(System::getenv, Path.of(""));
  }

  /** The same resolver with relative files starting at {@code directory}. */
  public ReferenceResolver relativeTo(Path directory) {
    return new ReferenceResolver(environment, directory);
  }

  /**
   * A copy of {@code map} with every reference replaced. A reference that cannot be resolved is an
   * error for its field (e.g. {@code source.password}) and leaves the value as written.
   */
  public Map<String, Object> resolve(Map<String, ?> map, String prefix, List<ConfigError> errors) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, resolveValue(v, prefix + k, errors)));
    return out;
  }

  private Map<String, Object> resolveMap(Map<?, ?> map, String prefix, List<ConfigError> errors) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), resolveValue(v, prefix + k, errors)));
    return out;
  }

  private Object resolveValue(Object value, String field, List<ConfigError> errors) {
    if (value instanceof String s) {
      return resolveString(s, field, errors);
    }
    if (value instanceof Map<?, ?> m) {
      return resolveMap(m, field + ".", errors);
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < l.size(); i++) {
        out.add(resolveValue(l.get(i), field + "[" + i + "]", errors));
      }
      return out;
    }
    return value;
  }

  private String resolveString(String value, String field, List<ConfigError> errors) {
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    int before = errors.size();
    while (m.find()) {
      String replacement = lookUp(m.group(1), m.group(2).strip(), field, errors);
      m.appendReplacement(
          out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
    }
    m.appendTail(out);
    return errors.size() > before ? value : out.toString();
  }

  private String lookUp(String kind, String name, String field, List<ConfigError> errors) {
    return switch (kind) {
      case "env" -> env(name, field, errors);
      case "file" -> file(name, field, errors);
      default -> {
        errors.add(
            new ConfigError(
                field,
                "unknown reference ${"
                    + kind
                    + ":"
                    + name
                    + "}; use ${env:NAME} for an environment variable or ${file:PATH} for a file's content"));
        yield null;
      }
    };
  }

  private String env(String name, String field, List<ConfigError> errors) {
    String value = name.isEmpty() ? null : environment.apply(name);
    if (value == null) {
      errors.add(
          new ConfigError(
              field,
              name.isEmpty()
                  ? "${env:} names no environment variable; write ${env:NAME}"
                  : "environment variable "
                      + name
                      + " is not set; export it or put the value in the file"));
    }
    return value;
  }

  private String file(String name, String field, List<ConfigError> errors) {
    if (name.isEmpty()) {
      errors.add(new ConfigError(field, "${file:} names no file; write ${file:/path/to/file}"));
      return null;
    }
    Path path = baseDirectory.resolve(name);
    try {
      return stripTrailingLineBreaks(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException | SecurityException e) {
      errors.add(
          new ConfigError(
              field,
              "cannot read "
                  + path
                  + " ("
                  + reason(e)
                  + "); check that the file exists and this user may read it"));
      return null;
    }
  }

  private static String stripTrailingLineBreaks(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  private static String reason(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}

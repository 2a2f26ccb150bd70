package io.tributary.server.cli;

import io.tributary.api.config.DurationText;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as pipeline files write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}.
 */
final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    return DurationText.parse(value.strip())
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "'" + value + "' is not a duration; write e.g. 30s, 5m or 1h"));
  }
}

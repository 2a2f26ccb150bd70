package io.tributary.api;

import java.util.Objects;

/**
 * A JSON document taken verbatim from the source (json/jsonb), embedded unquoted in the envelope.
 */
public record RawJson(String json) {
  public RawJson {
    Objects.requireNonNull(json, "json");
  }
}

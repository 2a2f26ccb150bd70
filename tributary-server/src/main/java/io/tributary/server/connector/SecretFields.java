package io.tributary.server.connector;

import io.tributary.api.config.ConfigField;
import io.tributary.api.config.ConfigSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The secret fields of a source's config (those its {@link ConfigSpec} marks secret): sealed for
 * storage, opened to run, and redacted whenever a document leaves the server. A {@code ${env:…}} or
 * {@code ${file:…}} reference is not a secret itself, but is still treated like one: stored sealed
 * and shown redacted.
 */
public final class SecretFields {
  /** What every answer shows instead of a secret; sent back in an update, it keeps the secret. */
  public static final String REDACTED = "********";

  private final ConfigSpec spec;
  private final SecretCipher cipher;

  public SecretFields(ConfigSpec spec, SecretCipher cipher) {
    this.spec = spec;
    this.cipher = cipher;
  }

  /** The source with its secret values sealed; {@code context} names the connector. */
  public Map<String, Object> seal(Map<String, Object> source, String context) {
    return map(
        source,
        (field, value) -> cipher.isSealed(value) ? value : cipher.seal(value, context + field));
  }

  /** The source with its secret values opened, ready to validate and run. */
  public Map<String, Object> open(Map<String, Object> source, String context) {
    return map(
        source,
        (field, value) -> cipher.isSealed(value) ? cipher.open(value, context + field) : value);
  }

  /** The source with every secret value replaced by {@link #REDACTED}. */
  public Map<String, Object> redact(Map<String, Object> source) {
    return map(source, (field, value) -> REDACTED);
  }

  /**
   * The incoming source with each secret left as {@link #REDACTED} replaced by the stored (sealed)
   * value: sending back what was shown keeps the secret.
   */
  public Map<String, Object> keepStored(Map<String, Object> incoming, Map<String, Object> stored) {
    return map(
        incoming,
        (field, value) ->
            value.equals(REDACTED) && stored.get(field) instanceof String s ? s : value);
  }

  private Map<String, Object> map(
      Map<String, Object> source, BiFunction<String, String, String> change) {
    Map<String, Object> copy = new LinkedHashMap<>(source);
    for (ConfigField f : spec.fields()) {
      if (f.secret() && copy.get(f.name()) instanceof String value) {
        copy.put(f.name(), change.apply(f.name(), value));
      }
    }
    return copy;
  }
}

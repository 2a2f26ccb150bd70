package io.tributary.server.http;

import io.tributary.api.config.ConfigError;
import java.util.List;

/**
 * An answer other than success, with the status, a stable code and a message that says what to do;
 * rendered as {@code {"error": {...}}}.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient List<ConfigError> fields;

  public ApiException(int status, String code, String message) {
    this(status, code, message, List.of());
  }

  public ApiException(int status, String code, String message, List<ConfigError> fields) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = List.copyOf(fields);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }

  /** 400 {@code invalid_config}: {@code what} (e.g. "the alert rule") has these field errors. */
  public static ApiException invalid(String what, List<ConfigError> fields) {
    return new ApiException(
        400,
        "invalid_config",
        what + " has " + fields.size() + (fields.size() == 1 ? " error" : " errors"),
        fields);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<ConfigError> fields() {
    return fields;
  }
}

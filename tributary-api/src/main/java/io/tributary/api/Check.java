package io.tributary.api;

/**
 * The outcome of one prerequisite check.
 *
 * @param name what was checked, e.g. {@code wal_level}
 * @param status passed, warning (works, with a caveat) or failed
 * @param message what was found
 * @param fix what to do about it; empty when passed
 */
public record Check(String name, Status status, String message, String fix) {

  /** Outcome of a check. */
  public enum Status {
    PASSED,
    WARNING,
    FAILED
  }

  public static Check passed(String name, String message) {
    return new Check(name, Status.PASSED, message, "");
  }

  public static Check warning(String name, String message, String fix) {
    return new Check(name, Status.WARNING, message, fix);
  }

  public static Check failed(String name, String message, String fix) {
    return new Check(name, Status.FAILED, message, fix);
  }

  public boolean failed() {
    return status == Status.FAILED;
  }

  @Override
  public String toString() {
    return status + " " + name + ": " + message + (fix.isEmpty() ? "" : " — fix: " + fix);
  }
}

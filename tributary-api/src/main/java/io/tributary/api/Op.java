package io.tributary.api;

/** The kind of change an event describes, with its Debezium-compatible one-letter code. */
public enum Op {
  /** A row read by a snapshot. */
  READ("r"),
  CREATE("c"),
  UPDATE("u"),
  DELETE("d"),
  TRUNCATE("t");

  private final String code;

  Op(String code) {
    this.code = code;
  }

  /** The code written in the envelope's {@code op} field. */
  public String code() {
    return code;
  }
}

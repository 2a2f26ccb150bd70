package io.tributary.api;

/**
 * Marks a column value the source did not send, such as an unchanged TOASTed value in a PostgreSQL
 * update when the table's replica identity is not FULL. Written as the string {@link #PLACEHOLDER},
 * so consumers can tell "unknown" from "null".
 */
public enum Unavailable {
  VALUE;

  public static final String PLACEHOLDER = "__tributary_unavailable_value";
}

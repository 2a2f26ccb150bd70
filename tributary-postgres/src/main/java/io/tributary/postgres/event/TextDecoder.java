package io.tributary.postgres.event;

/** Turns a value in PostgreSQL's text format into the Java value events carry. */
@FunctionalInterface
public interface TextDecoder {
  /** {@code text} is never null. */
  Object decode(int typeOid, String text);
}

package io.tributary.postgres.pgoutput;

/** Decodes the fields of one message type; the reader is positioned just after the type byte. */
@FunctionalInterface
interface MessageDecoder {
  PgOutputMessage decode(MessageReader in);
}

package io.tributary.postgres.pgoutput;

import java.nio.ByteBuffer;

/**
 * Decodes pgoutput messages of protocol version 1. Holds no state, so one instance may be shared by
 * any number of threads.
 *
 * <p>Relation and type metadata are not tracked here: a {@link Relation} is returned like any other
 * message, and matching changes to it by OID is up to the caller.
 */
public final class PgOutputDecoder {

  /**
   * Decodes the message between the buffer's position and its limit (the payload of one XLogData
   * message, starting with the type byte) and advances the position to the limit. Text column
   * values are decoded as UTF-8, the encoding of replication connections set up by pgjdbc.
   *
   * @throws PgOutputException if the message is empty, truncated, has bytes left over, is of an
   *     unknown type, or belongs to protocol version 2 or later (streamed or prepared transactions)
   */
  public PgOutputMessage decode(ByteBuffer buffer) {
    if (!buffer.hasRemaining()) {
      throw new PgOutputException("empty pgoutput message: expected a type byte");
    }
    MessageType type = typeOf(buffer.get(buffer.position()));
    MessageReader in = new MessageReader(buffer, type.label());
    PgOutputMessage message = type.decoder().decode(in);
    in.expectEnd();
    buffer.position(buffer.limit());
    return message;
  }

  private static MessageType typeOf(byte code) {
    MessageType type = MessageType.of(code);
    if (type == null) {
      throw new PgOutputException(
          "unknown pgoutput message type "
              + describe(code)
              + "; expected one of B, C, O, R, Y, I, U, D, T, M (protocol version 1)");
    }
    if (type.decoder() == null) {
      throw new PgOutputException(
          "pgoutput message type "
              + describe(code)
              + " ("
              + type.label()
              + ") belongs to protocol version 2 or later, which is not supported; start replication"
              + " with proto_version '1' and without the streaming and two_phase options");
    }
    return type;
  }

  private static String describe(byte code) {
    String hex = String.format("0x%02x", code & 0xFF);
    return code >= 0x20 && code < 0x7F ? "'" + (char) code + "' (" + hex + ")" : hex;
  }
}

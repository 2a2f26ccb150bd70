package io.tributary.postgres.pgoutput;

import io.tributary.api.Unavailable;

/**
 * TupleData: Int16 column count, then per column a kind byte — 'n' (null), 'u' (unchanged TOASTed
 * value), or 't' (text) / 'b' (binary) followed by Int32 length and that many bytes.
 */
final class TupleDataDecoder {
  private TupleDataDecoder() {}

  static TupleData decode(MessageReader in) {
    Object[] values = new Object[in.readInt16("tuple column count")];
    for (int i = 0; i < values.length; i++) {
      values[i] = value(in, i);
    }
    return TupleData.wrap(values);
  }

  private static Object value(MessageReader in, int column) {
    int at = in.position();
    byte kind = in.readByte("tuple column kind");
    return switch (kind) {
      case TupleData.NULL -> null;
      case TupleData.UNCHANGED_TOAST -> Unavailable.VALUE;
      case TupleData.TEXT -> in.readUtf8(in.readLength("text value"), "text value");
      case TupleData.BINARY -> in.readBytes(in.readLength("binary value"), "binary value");
      default ->
          throw in.malformed(
              "unknown kind "
                  + String.format("0x%02x", kind & 0xFF)
                  + " for tuple column "
                  + column
                  + "; expected 'n', 'u', 't' or 'b'",
              at);
    };
  }

  /** Reads the submessage marker byte (such as 'N' before a new tuple) and checks it. */
  static void expectMarker(MessageReader in, char expected, String what) {
    int at = in.position();
    byte marker = in.readByte(what + " marker");
    if (marker != expected) {
      throw in.malformed(
          "expected '"
              + expected
              + "' before the "
              + what
              + " but found "
              + String.format("0x%02x", marker & 0xFF),
          at);
    }
  }
}

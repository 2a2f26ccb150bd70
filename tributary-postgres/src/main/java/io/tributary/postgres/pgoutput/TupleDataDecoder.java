package io.tributary.postgres.pgoutput;

/**
 * TupleData: Int16 column count, then per column a kind byte — 'n' (null), 'u' (unchanged TOASTed
 * value), or 't' (text) / 'b' (binary) followed by Int32 length and that many bytes. The tuple's
 * bytes are copied once, whole; values are located in the copy, not decoded.
 */
final class TupleDataDecoder {
  private TupleDataDecoder() {}

  static TupleData decode(MessageReader in) {
    int n = in.readInt16("tuple column count");
    byte[] kinds = new byte[n];
    int[] starts = new int[n];
    int[] lengths = new int[n];
    int base = in.position();
    for (int i = 0; i < n; i++) {
      int at = in.position();
      byte kind = in.readByte("tuple column kind");
      kinds[i] = kind;
      switch (kind) {
        case TupleData.NULL, TupleData.UNCHANGED_TOAST -> {}
        case TupleData.TEXT, TupleData.BINARY -> {
          String what = kind == TupleData.TEXT ? "text value" : "binary value";
          int length = in.readLength(what);
          starts[i] = in.position() - base;
          lengths[i] = length;
          in.skip(length, what);
        }
        default ->
            throw in.malformed(
                "unknown kind "
                    + String.format("0x%02x", kind & 0xFF)
                    + " for tuple column "
                    + i
                    + "; expected 'n', 'u', 't' or 'b'",
                at);
      }
    }
    return TupleData.wrap(in.copy(base, in.position()), kinds, starts, lengths);
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

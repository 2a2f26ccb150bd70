package io.tributary.postgres.pgoutput;

/**
 * Update: Int32 relation OID, optionally Byte1 'K' (old key) or 'O' (old row) with its TupleData,
 * then Byte1 'N' and the new TupleData.
 */
final class UpdateDecoder {
  private UpdateDecoder() {}

  static Update decode(MessageReader in) {
    int relation = in.readInt32("relation OID");
    int at = in.position();
    byte marker = in.readByte("old or new tuple marker");
    if (marker == Update.OLD_KEY || marker == Update.OLD_ROW) {
      TupleData old = TupleDataDecoder.decode(in);
      TupleDataDecoder.expectMarker(in, 'N', "new tuple");
      return new Update(relation, (char) marker, old, TupleDataDecoder.decode(in));
    }
    if (marker == 'N') {
      return new Update(relation, TupleDataDecoder.decode(in));
    }
    throw in.malformed(
        "expected 'K', 'O' or 'N' but found " + String.format("0x%02x", marker & 0xFF), at);
  }
}

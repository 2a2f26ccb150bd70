package io.tributary.postgres.pgoutput;

/** Delete: Int32 relation OID, Byte1 'K' (old key) or 'O' (old row), TupleData. */
final class DeleteDecoder {
  private DeleteDecoder() {}

  static Delete decode(MessageReader in) {
    int relation = in.readInt32("relation OID");
    int at = in.position();
    byte marker = in.readByte("old tuple marker");
    if (marker != Update.OLD_KEY && marker != Update.OLD_ROW) {
      throw in.malformed(
          "expected 'K' or 'O' but found " + String.format("0x%02x", marker & 0xFF), at);
    }
    return new Delete(relation, (char) marker, TupleDataDecoder.decode(in));
  }
}

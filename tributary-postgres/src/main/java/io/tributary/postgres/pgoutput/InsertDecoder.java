package io.tributary.postgres.pgoutput;

/** Insert: Int32 relation OID, Byte1 'N', TupleData new tuple. */
final class InsertDecoder {
  private InsertDecoder() {}

  static Insert decode(MessageReader in) {
    int relation = in.readInt32("relation OID");
    TupleDataDecoder.expectMarker(in, 'N', "new tuple");
    return new Insert(relation, TupleDataDecoder.decode(in));
  }
}

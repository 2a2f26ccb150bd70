package io.tributary.postgres.pgoutput;

/** Type: Int32 type OID, String namespace, String name. */
final class TypeDecoder {
  private TypeDecoder() {}

  static Type decode(MessageReader in) {
    int oid = in.readInt32("type OID");
    String namespace = in.readString("namespace");
    return new Type(oid, namespace, in.readString("type name"));
  }
}

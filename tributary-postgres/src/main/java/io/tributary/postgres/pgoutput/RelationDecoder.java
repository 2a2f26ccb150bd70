package io.tributary.postgres.pgoutput;

import java.util.Arrays;

/**
 * Relation: Int32 OID, String namespace, String name, Int8 replica identity, Int16 column count,
 * then per column Int8 flags (1 = part of the key), String name, Int32 type OID, Int32 typmod.
 */
final class RelationDecoder {
  private static final int FLAG_KEY = 1;

  private RelationDecoder() {}

  static Relation decode(MessageReader in) {
    int oid = in.readInt32("relation OID");
    String namespace = in.readString("namespace");
    String name = in.readString("relation name");
    char identity = (char) (in.readByte("replica identity") & 0xFF);
    var columns = new Relation.Column[in.readInt16("column count")];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = column(in);
    }
    return new Relation(oid, namespace, name, identity, Arrays.asList(columns));
  }

  private static Relation.Column column(MessageReader in) {
    boolean key = (in.readByte("column flags") & FLAG_KEY) != 0;
    String name = in.readString("column name");
    int typeOid = in.readInt32("column type OID");
    int typmod = in.readInt32("column type modifier");
    return new Relation.Column(key, name, typeOid, typmod);
  }
}

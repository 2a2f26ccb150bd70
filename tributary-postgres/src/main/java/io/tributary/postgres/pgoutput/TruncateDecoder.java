package io.tributary.postgres.pgoutput;

import java.util.Arrays;

/** Truncate: Int32 relation count, Int8 options (1 cascade, 2 restart identity), Int32 OID each. */
final class TruncateDecoder {
  private TruncateDecoder() {}

  static Truncate decode(MessageReader in) {
    int at = in.position();
    int count = in.readInt32("relation count");
    if (count < 0) {
      throw in.malformed("negative relation count " + count, at);
    }
    int options = in.readByte("options") & 0xFF;
    if (in.remaining() / 4 < count) {
      // Checked before allocating, so a corrupt count cannot ask for a huge array.
      throw in.malformed(
          count + " relation OIDs announced but only " + in.remaining() + " byte(s) remain", at);
    }
    var oids = new Integer[count];
    for (int i = 0; i < count; i++) {
      oids[i] = in.readInt32("relation OID");
    }
    return new Truncate(options, Arrays.asList(oids));
  }
}

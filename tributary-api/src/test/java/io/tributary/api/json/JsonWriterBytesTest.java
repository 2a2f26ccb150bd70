package io.tributary.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte-level writes: {@code bytes}, {@code utf8String}, {@code truncate}, a given buffer. */
class JsonWriterBytesTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  /** What utf8String must write: the JSON string of the bytes decoded as new String does. */
  private static byte[] expected(byte[] src, int off, int n) {
    return new JsonWriter().string(new String(src, off, n, StandardCharsets.UTF_8)).toByteArray();
  }

  private static byte[] utf8String(byte[] src, int off, int n) {
    return new JsonWriter(4).utf8String(src, off, n).toByteArray();
  }

  /** Byte strings that exercise every branch: escapes, multi-byte UTF-8, malformed UTF-8. */
  private static List<byte[]> samples() {
    List<byte[]> out = new ArrayList<>();
    out.add(new byte[0]);
    out.add(utf8("plain ascii 0123456789 ~!@#$%^&*()_+-={}[]|:;'<>,.?/`"));
    out.add(utf8("\""));
    out.add(utf8("\\"));
    out.add(utf8("a\"b\\c\"\"\\\\"));
    out.add(utf8("line\nbreak\rcarriage\ttab"));
    byte[] controls = new byte[0x20];
    for (int i = 0; i < controls.length; i++) {
      controls[i] = (byte) i;
    }
    out.add(controls);
    out.add(new byte[] {0x7f, 'x', 0x7f});
    out.add(utf8("zoë ñ ß"));
    out.add(utf8("✓ € 中文 日本語"));
    out.add(utf8("😀 emoji 🎉 at the end 👍"));
    out.add(utf8("mix \"é\" \\ ✓\n😀\u0001"));
    out.add(hex("80")); // a lone continuation byte
    out.add(hex("61e29c")); // a three-byte sequence cut short
    out.add(hex("e29c61")); // ... followed by ASCII
    out.add(hex("f09f98")); // a four-byte sequence cut short
    out.add(hex("c0af")); // an overlong encoding of '/'
    out.add(hex("eda080")); // an encoded surrogate
    out.add(hex("eda080edb080")); // an encoded surrogate pair (CESU-8)
    out.add(hex("f5808080")); // beyond U+10FFFF
    out.add(hex("fffe22"));
    out.add(hex("c3")); // a lead byte at the very end
    out.add(hex("22c3a9225c")); // "é"\ quoted
    return out;
  }

  @Test
  void utf8StringWritesWhatStringWritesForTheDecodedText() {
    for (byte[] s : samples()) {
      assertThat(new String(utf8String(s, 0, s.length), StandardCharsets.UTF_8))
          .as("bytes %s", HexFormat.of().formatHex(s))
          .isEqualTo(new String(expected(s, 0, s.length), StandardCharsets.UTF_8));
      assertThat(utf8String(s, 0, s.length)).containsExactly(expected(s, 0, s.length));
    }
  }

  @Test
  void utf8StringEscapesAsJsonRequires() {
    assertThat(new String(utf8String(utf8(""), 0, 0), StandardCharsets.UTF_8)).isEqualTo("\"\"");
    byte[] text = utf8("a\"b\\c\nd\te\u0001f\u001fé😀");
    assertThat(new String(utf8String(text, 0, text.length), StandardCharsets.UTF_8))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001f\\u001fé😀\"");
    assertThat(new String(utf8String(hex("61ff62"), 0, 3), StandardCharsets.UTF_8))
        .isEqualTo("\"a\uFFFDb\"");
  }

  @Test
  void utf8StringReadsOnlyItsRegionOfALargerArray() {
    for (byte[] s : samples()) {
      // surroundings that would show if read: a quote, a backslash, a control char, a lead byte
      byte[] before = hex("225c01e2");
      byte[] after = hex("9c93225c0a");
      byte[] big = new byte[before.length + s.length + after.length];
      System.arraycopy(before, 0, big, 0, before.length);
      System.arraycopy(s, 0, big, before.length, s.length);
      System.arraycopy(after, 0, big, before.length + s.length, after.length);

      assertThat(utf8String(big, before.length, s.length))
          .as("bytes %s", HexFormat.of().formatHex(s))
          .containsExactly(expected(s, 0, s.length));
    }
  }

  @Test
  void utf8StringAppendsAfterWhatIsWritten() {
    for (byte[] s : samples()) {
      JsonWriter fast = new JsonWriter(8).raw('[').string("é\"x").raw(',').number(42).raw(',');
      JsonWriter slow = new JsonWriter(8).raw('[').string("é\"x").raw(',').number(42).raw(',');
      fast.utf8String(s, 0, s.length).raw(']');
      slow.string(new String(s, StandardCharsets.UTF_8)).raw(']');

      assertThat(fast.toByteArray())
          .as("bytes %s", HexFormat.of().formatHex(s))
          .containsExactly(slow.toByteArray());
    }
  }

  @Test
  void utf8StringOfLongTexts() {
    // long enough for string()'s long path, and for the buffer to grow while writing
    byte[] ascii = utf8("abcdefghij".repeat(10_000));
    byte[] escapeAtTheEnd = utf8("abcdefghij".repeat(10_000) + "\"");
    byte[] unicode = utf8("é✓😀\"\\\n".repeat(20_000));
    for (byte[] s : List.of(ascii, escapeAtTheEnd, unicode)) {
      JsonWriter w = new JsonWriter(16).raw("x:");
      w.utf8String(s, 0, s.length);
      byte[] want =
          new JsonWriter(16).raw("x:").string(new String(s, StandardCharsets.UTF_8)).toByteArray();

      assertThat(w.length()).isEqualTo(want.length);
      assertThat(w.toByteArray()).containsExactly(want);
    }
  }

  /** Random byte strings, weighted towards the bytes that matter, at random places. */
  @Test
  void utf8StringMatchesStringOverRandomBytes() {
    Random random = new Random(20_240_102L);
    byte[] special = {
      '"',
      '\\',
      '\n',
      '\r',
      '\t',
      0,
      0x1f,
      0x20,
      0x7f,
      'a',
      'Z',
      '0',
      (byte) 0x80,
      (byte) 0xbf,
      (byte) 0xc0,
      (byte) 0xc2,
      (byte) 0xc3,
      (byte) 0xdf,
      (byte) 0xe0,
      (byte) 0xe2,
      (byte) 0xed,
      (byte) 0xef,
      (byte) 0xf0,
      (byte) 0xf4,
      (byte) 0xf5,
      (byte) 0xff
    };
    String[] pieces = {"é", "✓", "😀", "中", "\"", "\\", "abc"};
    for (int round = 0; round < 20_000; round++) {
      int n = random.nextInt(round % 100 == 0 ? 2_000 : 40);
      byte[] s = new byte[n];
      for (int i = 0; i < n; i++) {
        int kind = random.nextInt(10);
        if (kind < 4) {
          s[i] = (byte) (0x20 + random.nextInt(0x5f)); // printable ASCII
        } else if (kind < 7) {
          s[i] = special[random.nextInt(special.length)];
        } else if (kind < 9) {
          byte[] piece = utf8(pieces[random.nextInt(pieces.length)]);
          int k = Math.min(piece.length, n - i);
          System.arraycopy(piece, 0, s, i, k);
          i += k - 1;
        } else {
          s[i] = (byte) random.nextInt(256);
        }
      }
      int off = random.nextInt(5);
      byte[] big = new byte[off + n + random.nextInt(5)];
      random.nextBytes(big);
      System.arraycopy(s, 0, big, off, n);
      int capacity = 1 + random.nextInt(64);
      String prefix = random.nextBoolean() ? "" : "{\"k\":";

      byte[] actual = new JsonWriter(capacity).raw(prefix).utf8String(big, off, n).toByteArray();
      byte[] want =
          new JsonWriter(capacity)
              .raw(prefix)
              .string(new String(s, StandardCharsets.UTF_8))
              .toByteArray();
      if (!Arrays.equals(actual, want)) {
        assertThat(actual)
            .as("round %d, bytes %s", round, HexFormat.of().formatHex(s))
            .containsExactly(want);
      }
    }
  }

  @Test
  void bytesWritesASliceAsItIs() {
    byte[] src = utf8("0123456789\"\\é");
    JsonWriter w = new JsonWriter(2).raw('[');
    w.bytes(src, 3, 4).bytes(src, 0, 0).bytes(src, 10, src.length - 10).raw(']');

    assertThat(w.toString()).isEqualTo("[3456\"\\é]");
    assertThat(w.length()).isEqualTo(1 + 4 + 4 + 1);
  }

  @Test
  void bytesOfAWholeLargeArrayGrowsTheBuffer() {
    byte[] src = new byte[100_000];
    new Random(3).nextBytes(src);
    JsonWriter w = new JsonWriter(1).raw('x');
    w.bytes(src, 1, src.length - 1);

    assertThat(w.length()).isEqualTo(src.length);
    byte[] out = w.toByteArray();
    assertThat(out[0]).isEqualTo((byte) 'x');
    assertThat(Arrays.copyOfRange(out, 1, out.length))
        .containsExactly(Arrays.copyOfRange(src, 1, src.length));
  }

  @Test
  void truncateDropsWhatFollowsAndWritingGoesOnFromThere() {
    JsonWriter w = new JsonWriter().raw("{\"a\":1");
    int mark = w.length();
    w.raw(",\"b\":").string("gone");

    w.truncate(mark);
    assertThat(w.length()).isEqualTo(mark);
    assertThat(w.toString()).isEqualTo("{\"a\":1");

    w.raw(",\"c\":2}");
    assertThat(w.toString()).isEqualTo("{\"a\":1,\"c\":2}");

    w.truncate(w.length());
    assertThat(w.toString()).isEqualTo("{\"a\":1,\"c\":2}");
    w.truncate(0);
    assertThat(w.length()).isZero();
    assertThat(w.toString()).isEmpty();
  }

  @Test
  void truncateRejectsLengthsOutsideWhatIsWritten() {
    JsonWriter w = new JsonWriter(64).raw("abc");

    assertThatThrownBy(() -> w.truncate(4)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> w.truncate(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(w.toString()).isEqualTo("abc");
  }

  @Test
  void writesIntoAGivenBufferUntilItIsFull() {
    byte[] given = new byte[8];
    Arrays.fill(given, (byte) '#');
    JsonWriter w = new JsonWriter(given);

    assertThat(w.length()).as("whatever the array holds, nothing is written yet").isZero();
    w.raw("[1,2]");
    assertThat(w.buffer()).isSameAs(given);
    assertThat(new String(given, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("[1,2]");

    w.raw(",3,4,5]");
    assertThat(w.buffer()).as("outgrown: replaced").isNotSameAs(given);
    assertThat(w.toString()).isEqualTo("[1,2],3,4,5]");
  }

  @Test
  void writesIntoAnEmptyGivenBuffer() {
    JsonWriter w = new JsonWriter(new byte[0]);
    w.utf8String(utf8("é\"a"), 0, 4).bytes(utf8("xyz"), 1, 2);

    assertThat(w.toString()).isEqualTo("\"é\\\"a\"yz");
  }
}

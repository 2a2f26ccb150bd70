package io.tributary.postgres.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.postgres.event.TextFields;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link CopyTextParser#split}: the fields it locates are the fields {@code parse} returns. */
class CopyTextSplitTest {
  private final CopyTextParser splitter = new CopyTextParser();
  private final TextFields fields = new TextFields();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The located fields decoded, null for SQL NULL. */
  private static String[] decoded(TextFields f) {
    String[] out = new String[f.count()];
    for (int i = 0; i < out.length; i++) {
      int n = f.length(i);
      if (n != TextFields.NULL) {
        assertThat(n).as("field %d length", i).isNotNegative();
        out[i] = new String(f.buffer(), f.start(i), n, StandardCharsets.UTF_8);
      }
    }
    return out;
  }

  private String[] split(String row) {
    return decoded(splitter.split(utf8(row), fields));
  }

  /** Splits {@code row} with the shared parser and fields, and compares with a fresh parse. */
  private void assertSplitsLikeParse(byte[] row) {
    String[] want;
    try {
      want = new CopyTextParser().parse(row.clone());
    } catch (IllegalArgumentException e) {
      want = null;
    }
    String what = "row " + HexFormat.of().formatHex(row);
    if (want == null) {
      assertThatThrownBy(() -> splitter.split(row, fields))
          .as(what)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("lone backslash");
    } else {
      assertThat(decoded(splitter.split(row, fields))).as(what).containsExactly(want);
    }
  }

  private void assertSplitsLikeParse(String row) {
    assertSplitsLikeParse(utf8(row));
  }

  private static final List<String> ROWS =
      List.of(
          "",
          "\n",
          "single",
          "single\n",
          "1\thello\t\\N\t",
          "1\thello\t\\N\t\n",
          "\t",
          "\t\t\n",
          "\\N",
          "\\N\t\\N",
          "\\N\n",
          "a\\tb\\nc\\rd\\\\e\\bf\\fg\\vh",
          "\\101\\1\\0011\\303\\251\tx",
          "\\x41\\x4a\\xe2\\x9c\\x93\\x7\t\\xg\t\\x",
          "\\N\\a\ta\\N\t\\\\N",
          "1\tplain\tlast has a \\\\ backslash",
          "1\tplain\tlast has a \\\\ backslash\n",
          "\\t\tfirst field escaped",
          "héllo ✓ 😀\t\\\\x0a0b\t{\"a b\",\"c\\\\\"d\"}",
          "a\n\n",
          "raw\nnewline\tinside",
          "\\8\\9\\z\\\"",
          "\\777\\400",
          "\\0\\00\\000\\0000",
          "\t\\N\t\t\\N\t");

  @Test
  void locatesTheFieldsParseReturns() {
    for (String row : ROWS) {
      assertSplitsLikeParse(row);
    }
  }

  @Test
  void locatesFieldsPinnedDown() {
    assertThat(split("1\thello\t\\N\t")).containsExactly("1", "hello", null, "");
    assertThat(split("1\ta\\tb\t\\N\n")).containsExactly("1", "a\tb", null);
    assertThat(split("\\x41\\101\\\\")).containsExactly("AA\\");
    assertThat(split("")).containsExactly("");
    assertThat(split("\n")).containsExactly("");
    assertThat(split("only")).containsExactly("only");
    assertThat(split("a\t\tb")).containsExactly("a", "", "b");
  }

  @Test
  void fieldsWithoutEscapesLieInTheRowItself() {
    byte[] row = utf8("1\thello\t\\N\n");
    byte[] plain = utf8("1\thello\tworld\n");

    assertThat(splitter.split(plain, fields).buffer()).isSameAs(plain);
    assertThat(fields.start(2)).isEqualTo(8);
    assertThat(fields.length(2)).isEqualTo(5);
    assertThat(splitter.split(row, fields).buffer()).isNotSameAs(row);
  }

  @Test
  void rejectsALoneTrailingBackslashInAnyField() {
    for (String row : List.of("a\\", "a\\\n", "a\\\tb", "a\tb\\", "a\tb\\\n", "\\", "x\t\\\t")) {
      assertSplitsLikeParse(row);
      assertThatThrownBy(() -> splitter.split(utf8(row), fields))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void manyFields() {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      row.append(i % 7 == 0 ? "\\N" : "f" + i).append('\t');
    }
    row.append("last");
    assertSplitsLikeParse(row.toString());
    assertSplitsLikeParse(row + "\\t");
    assertThat(split(row.toString())).hasSize(101);
  }

  @Test
  void longEscapedRowsAfterShortOnes() {
    assertSplitsLikeParse("a\\tb");
    assertSplitsLikeParse("ab\\n".repeat(5000) + "\tx\t" + "é\\\\".repeat(3000));
    assertSplitsLikeParse("a\\tb");
    assertSplitsLikeParse("plain");
  }

  @Test
  void reusesItsFieldsFromRowToRow() {
    for (int round = 0; round < 3; round++) {
      for (String row : ROWS) {
        assertSplitsLikeParse(row);
      }
    }
  }

  @Test
  void randomRows() {
    Random random = new Random(5432L);
    byte[][] pieces = {
      utf8("a"),
      utf8("Z"),
      utf8("0"),
      utf8("1"),
      utf8("7"),
      utf8("8"),
      utf8("N"),
      utf8("n"),
      utf8("t"),
      utf8("x"),
      utf8("f"),
      utf8("\t"),
      utf8("\t"),
      utf8("\\"),
      utf8("\\"),
      utf8("\\N"),
      utf8("\\x"),
      utf8("\n"),
      utf8("é"),
      utf8("😀"),
      utf8(" "),
      utf8("\""),
      HexFormat.of().parseHex("ff"),
      HexFormat.of().parseHex("c3")
    };
    for (int round = 0; round < 20_000; round++) {
      ByteArrayOutputStream row = new ByteArrayOutputStream();
      int n = random.nextInt(round % 50 == 0 ? 400 : 16);
      for (int k = 0; k < n; k++) {
        row.writeBytes(pieces[random.nextInt(pieces.length)]);
      }
      assertSplitsLikeParse(row.toByteArray());
    }
  }
}

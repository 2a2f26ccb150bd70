package io.tributary.postgres.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CopyTextParserTest {
  private final CopyTextParser parser = new CopyTextParser();

  private String[] parse(String row) {
    return parser.parse(row.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void splitsOnTabsAndReadsBackslashNAsNull() {
    assertThat(parse("1\thello\t\\N\t")).containsExactly("1", "hello", null, "");
  }

  @Test
  void ignoresTheTrailingNewlineCopyOutLeaves() {
    assertThat(parse("1\ta\n")).containsExactly("1", "a");
    assertThat(parse("\n")).containsExactly("");
  }

  @Test
  void readsEmptyRowAsOneEmptyField() {
    assertThat(parse("")).containsExactly("");
  }

  @Test
  void undoesControlCharacterEscapes() {
    assertThat(parse("a\\tb\\nc\\rd\\\\e\\bf\\fg\\vh"))
        .containsExactly("a\tb\nc\rd\\e\bf\fg\u000Bh");
  }

  @Test
  void undoesOctalAndHexEscapesAsBytesOfUtf8() {
    assertThat(parse("\\101\\1\\0011\\303\\251")).containsExactly("A\u0001\u00011é");
    assertThat(parse("\\x41\\x4a\\xe2\\x9c\\x93\\x7")).containsExactly("AJ✓\u0007");
    assertThat(parse("\\xg")).containsExactly("xg");
  }

  @Test
  void takesAnyOtherEscapedCharacterLiterally() {
    assertThat(parse("\\N\\a")).containsExactly("Na");
    assertThat(parse("a\\N")).containsExactly("aN");
    assertThat(parse("\\\\N")).containsExactly("\\N");
  }

  @Test
  void keepsUnicodeTextAndEscapedByteaAndArrays() {
    assertThat(parse("héllo ✓ 😀\t\\\\x0a0b\t{\"a b\",\"c\\\\\"d\"}"))
        .containsExactly("héllo ✓ 😀", "\\x0a0b", "{\"a b\",\"c\\\"d\"}");
  }

  @Test
  void parsesARegionOfALargerBuffer() {
    byte[] buffer = "xx1\t\\\\2\tyy".getBytes(StandardCharsets.UTF_8);

    assertThat(parser.parse(buffer, 2, 5)).containsExactly("1", "\\2");
  }

  @Test
  void growsItsScratchBufferForLongEscapedFields() {
    String longText = "ab\\n".repeat(1000);

    assertThat(parse(longText)).containsExactly("ab\n".repeat(1000));
  }

  @Test
  void rejectsALoneTrailingBackslash() {
    assertThatThrownBy(() -> parse("a\\")).hasMessageContaining("lone backslash");
  }
}

package io.tributary.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DirectoryNamesTest {

  @Test
  void keepsSafeCharactersAsTheyAre() {
    assertThat(DirectoryNames.encode("shop.public.Orders_2024-v1"))
        .isEqualTo("shop.public.Orders_2024-v1");
  }

  @Test
  void percentEncodesEverythingElseAsUtf8() {
    assertThat(DirectoryNames.encode("a/b c%d\\é")).isEqualTo("a%2Fb%20c%25d%5C%C3%A9");
  }

  @Test
  void encodesALeadingDotSoNoNameBecomesDotOrDotDot() {
    assertThat(DirectoryNames.encode(".")).isEqualTo("%2E");
    assertThat(DirectoryNames.encode("..")).isEqualTo("%2E.");
    assertThat(DirectoryNames.encode(".hidden")).isEqualTo("%2Ehidden");
  }

  @Test
  void decodesOnlyCanonicalEncodings() {
    for (String name : new String[] {"shop.public.orders", "a/b c%d\\é", "..", "日本"}) {
      assertThat(DirectoryNames.decode(DirectoryNames.encode(name))).isEqualTo(name);
    }
    assertThat(DirectoryNames.decode("%61")).isNull(); // 'a' needs no encoding
    assertThat(DirectoryNames.decode(".x")).isNull();
    assertThat(DirectoryNames.decode("a%2")).isNull();
    assertThat(DirectoryNames.decode("a b")).isNull();
  }

  @Test
  void rejectsEmptyAndOverlongNames() {
    assertThatThrownBy(() -> DirectoryNames.encode(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DirectoryNames.encode("é".repeat(50)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too long");
  }
}

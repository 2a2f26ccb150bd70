package io.tributary.postgres.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteaConversionTest {
  private final TextValueConverter converter = new TextValueConverter(new TypeRegistry());

  private Object bytea(String text) {
    return converter.convert(17, text);
  }

  @Test
  void decodesHexFormat() {
    assertThat(bytea("\\x0a0bff00")).isEqualTo(new byte[] {0x0a, 0x0b, (byte) 0xff, 0});
    assertThat(bytea("\\xDEADbeef"))
        .isEqualTo(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
    assertThat(bytea("\\x")).isEqualTo(new byte[0]);
  }

  @Test
  void decodesEscapeFormat() {
    assertThat(bytea("abc")).isEqualTo(new byte[] {'a', 'b', 'c'});
    assertThat(bytea("a\\000b\\\\c\\377"))
        .isEqualTo(new byte[] {'a', 0, 'b', '\\', 'c', (byte) 0xff});
    assertThat(bytea("")).isEqualTo(new byte[0]);
  }

  @Test
  void rejectsMalformedBytea() {
    assertThatThrownBy(() -> bytea("\\x0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("odd number of hex digits");
    assertThatThrownBy(() -> bytea("\\xzz")).hasMessageContaining("invalid hex digit 'z'");
    assertThatThrownBy(() -> bytea("a\\9")).hasMessageContaining("invalid escape");
    assertThatThrownBy(() -> bytea("a\\")).hasMessageContaining("invalid escape");
  }
}

package io.tributary.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigSpecTest {
  private static final ConfigSpec SPEC =
      new ConfigSpec(
          List.of(
              ConfigField.builder("host", ConfigType.STRING).required().build(),
              ConfigField.builder("port", ConfigType.INT)
                  .defaultValue(5432)
                  .validator(Validator.range(1, 65535))
                  .build(),
              ConfigField.builder("password", ConfigType.PASSWORD).build(),
              ConfigField.builder("mode", ConfigType.ENUM)
                  .allowed("a", "b")
                  .defaultValue("a")
                  .build(),
              ConfigField.builder("every", ConfigType.DURATION)
                  .defaultValue(Duration.ofSeconds(10))
                  .build(),
              ConfigField.builder("tables", ConfigType.LIST).build()));

  @Test
  void reportsEveryProblemAtOnceWithItsField() {
    List<ConfigError> errors =
        SPEC.validate(Map.of("port", 70000, "mode", "c", "every", "soon", "hots", "x"), "source.");
    assertThat(errors)
        .extracting(ConfigError::field)
        .containsExactlyInAnyOrder(
            "source.hots", "source.host", "source.port", "source.mode", "source.every");
    assertThat(errors)
        .filteredOn(e -> e.field().equals("source.hots"))
        .first()
        .extracting(ConfigError::message)
        .asString()
        .contains("did you mean 'host'");
  }

  @Test
  void appliesDefaultsAndConvertsValues() {
    Config c =
        SPEC.parse(Map.of("host", "db", "port", "6543", "every", "500ms", "tables", "public.t"));
    assertThat(c.getInt("port")).isEqualTo(6543);
    assertThat(c.getString("mode")).isEqualTo("a");
    assertThat(c.getDuration("every")).isEqualTo(Duration.ofMillis(500));
    assertThat(c.getList("tables")).containsExactly("public.t");
  }

  @Test
  void redactsSecrets() {
    Config c = SPEC.parse(Map.of("host", "db", "password", "hunter2"));
    assertThat(c.redacted()).containsEntry("password", "********");
    assertThat(c.redacted().toString()).doesNotContain("hunter2");
  }

  @Test
  void rejectsRatherThanClamps() {
    assertThatThrownBy(() -> SPEC.parse(Map.of("host", "db", "port", 0)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("port: must be between 1 and 65535");
  }
}

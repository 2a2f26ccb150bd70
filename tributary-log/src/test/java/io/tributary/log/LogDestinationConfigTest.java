package io.tributary.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.config.Config;
import io.tributary.api.config.ConfigError;
import io.tributary.api.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogDestinationConfigTest {

  @TempDir Path dir;

  @Test
  void defaultsToDataDirectoryLargeSegmentsAndNoRetention() {
    Config config = LogDestination.SPEC.parse(Map.of("type", "log"));

    assertThat(LogDestination.directory(config, "shop")).isEqualTo(Path.of("./data/shop"));
    LogSettings settings = LogDestination.settings(config);
    assertThat(settings.segmentBytes()).isEqualTo(67_108_864);
    assertThat(settings.retention()).isEqualTo(Retention.KEEP_ALL);
  }

  @Test
  void readsSizesAndDurations() {
    Config config =
        LogDestination.SPEC.parse(
            Map.of("segment_bytes", 1_048_576, "retention_bytes", "10GiB", "retention", "7d"));

    LogSettings settings = LogDestination.settings(config);
    assertThat(settings.segmentBytes()).isEqualTo(1_048_576);
    assertThat(settings.retention())
        .isEqualTo(new Retention(OptionalLong.of(10L << 30), Optional.of(Duration.ofDays(7))));
  }

  @Test
  void treatsMinusOneRetentionBytesAsNoLimit() {
    Config config = LogDestination.SPEC.parse(Map.of("retention_bytes", -1));

    assertThat(LogDestination.settings(config).retention().maxBytes()).isEmpty();
  }

  @Test
  void reportsEveryBadValueWithItsField() {
    assertThatThrownBy(
            () ->
                LogDestination.SPEC.parse(
                    Map.of(
                        "segment_bytes",
                        10,
                        "retention_bytes",
                        "lots",
                        "retention",
                        "0s",
                        "pth",
                        "x"),
                    "destination."))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ConfigError::field)
                    .containsExactlyInAnyOrder(
                        "destination.pth",
                        "destination.segment_bytes",
                        "destination.retention_bytes",
                        "destination.retention"));
  }

  @Test
  void opensThePipelinesOwnDirectoryUnderThePath() throws Exception {
    Config config = LogDestination.SPEC.parse(Map.of("path", dir.toString()));

    try (LogDestination log = LogDestination.open(config, "shop")) {
      assertThat(log.directory()).isEqualTo(dir.resolve("shop"));
    }
    assertThat(dir.resolve("shop").resolve("checkpoints")).exists();
    assertThat(dir.resolve("shop").resolve("lock")).exists();
  }
}

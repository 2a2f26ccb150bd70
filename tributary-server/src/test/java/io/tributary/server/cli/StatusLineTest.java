package io.tributary.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.pipeline.PipelineState;
import io.tributary.engine.pipeline.PipelineStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusLineTest {
  private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

  @Test
  void showsStateEventsAndAgeOfTheLastEvent() {
    PipelineStatus s =
        new PipelineStatus(
            PipelineState.STREAMING,
            12345,
            NOW.minusSeconds(3),
            "0/16B3748",
            null,
            0,
            -1,
            Map.of(),
            -1,
            -1,
            -1);

    assertThat(StatusLine.format("shop", s, NOW))
        .isEqualTo("shop: STREAMING, 12,345 events written, last 3s ago");
  }

  @Test
  void showsSnapshotProgressRetriesLagAndTheLastError() {
    PipelineStatus s =
        new PipelineStatus(
            PipelineState.SNAPSHOTTING,
            10,
            null,
            null,
            "connection refused",
            2,
            4096,
            Map.of("public.orders", new long[] {1200, 5000}),
            -1,
            -1,
            -1);

    assertThat(StatusLine.format("shop", s, NOW))
        .isEqualTo(
            "shop: SNAPSHOTTING, 10 events written, snapshot public.orders 1,200/5,000, lag 4,096 bytes, 2 retries, "
                + "last error: connection refused");
  }

  @Test
  void roundsLongAgesToMinutesAndHours() {
    assertThat(StatusLine.ago(java.time.Duration.ofSeconds(119))).isEqualTo("119s");
    assertThat(StatusLine.ago(java.time.Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(StatusLine.ago(java.time.Duration.ofHours(3))).isEqualTo("3h");
  }
}

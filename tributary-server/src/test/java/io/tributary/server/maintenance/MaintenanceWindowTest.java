package io.tributary.server.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.server.maintenance.WindowSchedule.Once;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {
  private static final Once SCHEDULE = new Once(Instant.parse("2026-05-01T02:00:00Z"));

  private static MaintenanceWindow lasting(Duration duration) {
    return new MaintenanceWindow("w1", "shop", SCHEDULE, duration, "");
  }

  @Test
  void globalWindowAppliesToEveryConnector() {
    MaintenanceWindow global = new MaintenanceWindow("w1", null, SCHEDULE, Duration.ofHours(1), "");
    assertThat(global.appliesTo("shop")).isTrue();
    assertThat(global.appliesTo("billing")).isTrue();
  }

  @Test
  void connectorWindowAppliesOnlyToItsConnector() {
    MaintenanceWindow shop = lasting(Duration.ofHours(1));
    assertThat(shop.appliesTo("shop")).isTrue();
    assertThat(shop.appliesTo("billing")).isFalse();
  }

  @Test
  void lastsMoreThanZeroAndAtMostSevenDays() {
    assertThat(lasting(Duration.ofDays(7)).duration()).isEqualTo(Duration.ofDays(7));
    assertThatThrownBy(() -> lasting(Duration.ZERO)).hasMessageContaining("more than 0");
    assertThatThrownBy(() -> lasting(Duration.ofDays(7).plusMillis(1)))
        .hasMessageContaining("at most 7 days");
    assertThatThrownBy(() -> lasting(Duration.ofHours(-1))).hasMessageContaining("more than 0");
  }

  @Test
  void lastsWholeMilliseconds() {
    assertThatThrownBy(() -> lasting(Duration.ofNanos(1_500_000)))
        .hasMessageContaining("whole milliseconds");
  }

  @Test
  void blankIdOrConnectorIsRejected() {
    assertThatThrownBy(() -> new MaintenanceWindow(" ", null, SCHEDULE, Duration.ofHours(1), ""))
        .hasMessageContaining("id");
    assertThatThrownBy(() -> new MaintenanceWindow("w1", "", SCHEDULE, Duration.ofHours(1), ""))
        .hasMessageContaining("null for every connector");
  }

  @Test
  void occurrenceEndsAfterItStarts() {
    Instant t = Instant.parse("2026-05-01T02:00:00Z");
    assertThatThrownBy(() -> new Occurrence("w1", t, t)).hasMessageContaining("ends after");
    assertThat(new Occurrence("w1", t, t.plusSeconds(1)).covers(t)).isTrue();
    assertThat(new Occurrence("w1", t, t.plusSeconds(1)).covers(t.plusSeconds(1))).isFalse();
  }
}

package io.tributary.server.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotEtaTest {
  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
  private final SnapshotEta eta = new SnapshotEta();

  @Test
  void estimatesTheTimeLeftFromTheRateSinceTheTableWasFirstSeen() {
    eta.progress(Map.of("public.orders", new long[] {1_000, 11_000}), true, T0);

    List<ConnectorStatus.TableProgress> later =
        eta.progress(Map.of("public.orders", new long[] {3_000, 11_000}), true, T0.plusSeconds(2));

    assertThat(later.getFirst().etaSeconds()).isEqualTo(8); // 1,000 rows/s, 8,000 left
    assertThat(later.getFirst().done()).isFalse();
  }

  @Test
  void hasNoEstimateBeforeASecondHasPassedOrWithoutAnEstimatedTotal() {
    assertThat(eta.progress(Map.of("t", new long[] {10, 100}), true, T0).getFirst().etaSeconds())
        .isNull();
    assertThat(eta.progress(Map.of("u", new long[] {10, -1}), true, T0).getFirst().etaSeconds())
        .isNull();
  }

  @Test
  void aTableIsDoneAtItsEstimateOrOnceItsCountSettledAfterTheSnapshot() {
    assertThat(eta.progress(Map.of("a", new long[] {100, 100}), true, T0).getFirst().done())
        .isTrue();

    eta.progress(Map.of("b", new long[] {90, 100}), false, T0);
    assertThat(
            eta.progress(Map.of("b", new long[] {90, 100}), false, T0.plusSeconds(1))
                .getFirst()
                .done())
        .isFalse();
    assertThat(
            eta.progress(Map.of("b", new long[] {90, 100}), false, T0.plusSeconds(6))
                .getFirst()
                .done())
        .isTrue();
    assertThat(
            eta.progress(Map.of("b", new long[] {90, 100}), true, T0.plusSeconds(7))
                .getFirst()
                .done())
        .isFalse();
  }
}

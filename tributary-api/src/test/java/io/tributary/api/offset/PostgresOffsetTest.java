package io.tributary.api.offset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PostgresOffsetTest {

  @Test
  void roundTripsThroughItsTextFormIncludingOddChunkNames() {
    PostgresOffset o =
        new PostgresOffset(
            Lsn.parse("16/B374D848"),
            false,
            Set.of("public.a:0-10", "we;ird,=:10-end"),
            Lsn.parse("16/B3750000"),
            3,
            false);
    assertThat(SourceOffsets.decode(o.encode())).isEqualTo(o);
  }

  @Test
  void recordsWhichTablesHaveACompleteSnapshot() {
    PostgresOffset o =
        PostgresOffset.snapshotStarting(Lsn.parse("0/10"), Set.of())
            .withChunksDone(Set.of("public.a:0-end"))
            .withSnapshotDone(Set.of("public.a", "odd,name"));
    PostgresOffset back = (PostgresOffset) SourceOffsets.decode(o.encode());
    assertThat(back).isEqualTo(o);
    assertThat(back.tableDone("public.a")).isTrue();
    assertThat(back.tableDone("odd,name")).isTrue();
    assertThat(back.tableDone("public.b")).isFalse();
    assertThat(PostgresOffset.afterSnapshot(Lsn.parse("0/10")).tableDone("public.b")).isTrue();
    assertThat(back.withSnapshotRunning().snapshotDone()).isFalse();
  }

  @Test
  void confirmsPastACompleteTransactionButNotPastAPartialOne() {
    PostgresOffset base = PostgresOffset.afterSnapshot(Lsn.parse("0/100"));
    assertThat(base.flushLsn()).isEqualTo(Lsn.parse("0/100"));
    assertThat(base.inTransaction(Lsn.parse("0/200"), 5, true).flushLsn())
        .isEqualTo(Lsn.parse("0/201"));
    assertThat(base.inTransaction(Lsn.parse("0/200"), 5, false).flushLsn())
        .isEqualTo(Lsn.parse("0/200"));
  }

  @Test
  void lsnParsingIsStrict() {
    assertThat(Lsn.parse("0/16B3748").toString()).isEqualTo("0/16B3748");
    assertThatThrownBy(() -> Lsn.parse("16B3748")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Lsn.parse("1/2/3")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Lsn.parse("0/xyz")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Lsn.parse("100000000/0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SourceOffsets.decode("pg:slot=0/1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

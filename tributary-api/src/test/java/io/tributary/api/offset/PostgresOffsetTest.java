package io.tributary.api.offset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
            .withChunkDone("public.a:0-end")
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
  void completedChunksThatTouchAreRecordedAsOneRange() {
    PostgresOffset o = PostgresOffset.snapshotStarting(Lsn.parse("0/10"), Set.of());
    for (String chunk :
        List.of(
            "public.a:20-40",
            "public.a:0-20",
            "public.b:0-20",
            "public.a:60-end",
            "public.a:40-41.2",
            "public.a:41.2-60")) {
      o = o.withChunkDone(chunk);
    }

    assertThat(o.chunksDone()).containsExactlyInAnyOrder("public.a:0-end", "public.b:0-20");
    assertThat(SourceOffsets.decode(o.encode())).isEqualTo(o);
  }

  @Test
  void chunksWithGapsBetweenThemStaySeparateUntilTheGapIsDone() {
    PostgresOffset o =
        PostgresOffset.snapshotStarting(Lsn.parse("0/10"), Set.of())
            .withChunkDone("s.t:0-10")
            .withChunkDone("s.t:20-30")
            .withChunkDone("we;ird,=:0-end");

    assertThat(o.chunksDone()).containsExactlyInAnyOrder("s.t:0-10", "s.t:20-30", "we;ird,=:0-end");
    assertThat(o.withChunkDone("s.t:10-20").chunksDone())
        .containsExactlyInAnyOrder("s.t:0-30", "we;ird,=:0-end");
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

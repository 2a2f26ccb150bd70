package io.tributary.postgres.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.offset.Lsn;
import io.tributary.api.offset.PostgresOffset;
import org.junit.jupiter.api.Test;

class ResumePointTest {
  private static final PostgresOffset BASE = PostgresOffset.afterSnapshot(new Lsn(100));

  @Test
  void skipsTransactionsCommittedBeforeTheOffsetAndAllOfACompleteOne() {
    ResumePoint r = new ResumePoint(BASE.inTransaction(new Lsn(500), 7, true));
    assertThat(r.eventsToSkip(new Lsn(400))).isEqualTo(Long.MAX_VALUE);
    assertThat(r.eventsToSkip(new Lsn(500))).isEqualTo(Long.MAX_VALUE);
    assertThat(r.eventsToSkip(new Lsn(600))).isZero();
  }

  @Test
  void skipsTheDurableStartOfAPartlyWrittenTransaction() {
    ResumePoint r = new ResumePoint(BASE.inTransaction(new Lsn(500), 7, false));
    assertThat(r.eventsToSkip(new Lsn(500))).isEqualTo(7);
    assertThat(r.eventsToSkip(new Lsn(501))).isZero();
  }

  @Test
  void onceBeyondTheOffsetNothingIsSkippedAnymore() {
    ResumePoint r = new ResumePoint(BASE.inTransaction(new Lsn(500), 7, true));
    assertThat(r.eventsToSkip(new Lsn(600))).isZero();
    assertThat(r.eventsToSkip(new Lsn(450))).isZero();
    assertThat(r.covers(new Lsn(450))).isFalse();
  }

  @Test
  void aFreshStartSkipsNothing() {
    ResumePoint r = new ResumePoint(BASE);
    assertThat(r.eventsToSkip(new Lsn(50))).isZero();
    assertThat(r.covers(new Lsn(50))).isFalse();
  }

  @Test
  void heartbeatsAtOrBeforeTheOffsetAreCovered() {
    ResumePoint r = new ResumePoint(BASE.inTransaction(new Lsn(500), 0, true));
    assertThat(r.covers(new Lsn(500))).isTrue();
    assertThat(r.covers(new Lsn(499))).isTrue();
  }
}

package io.tributary.postgres.pgoutput;

import static io.tributary.postgres.pgoutput.MessageBytes.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.offset.Lsn;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransactionMessageDecodingTest {
  // 2024-01-02T03:04:05.123456Z, counted from 2000-01-01 as PostgreSQL sends it, and from 1970.
  private static final long PG_MICROS = 757_479_845_123_456L;
  private static final long UNIX_MICROS = 1_704_164_645_123_456L;

  @Test
  void decodesBeginAndConvertsCommitTimeToUnixEpoch() {
    var begin = (Begin) message('B').int64(0x1_6B37_4D48L).int64(PG_MICROS).int32(742).decode();

    assertThat(begin.finalLsn()).isEqualTo(Lsn.parse("1/6B374D48"));
    assertThat(begin.commitTimeMicros()).isEqualTo(UNIX_MICROS);
    assertThat(begin.commitTime()).isEqualTo(Instant.parse("2024-01-02T03:04:05.123456Z"));
    assertThat(begin.xid()).isEqualTo(742);
  }

  @Test
  void readsXidAsUnsigned() {
    var begin = (Begin) message('B').int64(1).int64(0).int32(0xFFFF_FFFE).decode();

    assertThat(begin.xid()).isEqualTo(4_294_967_294L);
    assertThat(begin.commitTime()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
  }

  @Test
  void decodesCommit() {
    var commit =
        (Commit)
            message('C')
                .int8(0)
                .int64(0x1_6B37_4D48L)
                .int64(0x1_6B37_4D78L)
                .int64(PG_MICROS)
                .decode();

    assertThat(commit.flags()).isZero();
    assertThat(commit.commitLsn()).isEqualTo(Lsn.parse("1/6B374D48"));
    assertThat(commit.endLsn()).isEqualTo(Lsn.parse("1/6B374D78"));
    assertThat(commit.commitTimeMicros()).isEqualTo(UNIX_MICROS);
    assertThat(commit.commitTime()).isEqualTo(Instant.parse("2024-01-02T03:04:05.123456Z"));
  }

  @Test
  void decodesCommitTimeBeforeTheYear2000() {
    var commit = (Commit) message('C').int8(0).int64(2).int64(3).int64(-1).decode();

    assertThat(commit.commitTime()).isEqualTo(Instant.parse("1999-12-31T23:59:59.999999Z"));
  }

  @Test
  void decodesOrigin() {
    var origin = (Origin) message('O').int64(0xAB_0000_0010L).string("node_a").decode();

    assertThat(origin).isEqualTo(new Origin(Lsn.parse("AB/10"), "node_a"));
  }

  @Test
  void decodesLsnsAboveTheSignedRange() {
    var begin = (Begin) message('B').int64(0xFFFF_FFFF_0000_0001L).int64(0).int32(1).decode();

    assertThat(begin.finalLsn().toString()).isEqualTo("FFFFFFFF/1");
  }
}

package io.tributary.postgres.stream;

import io.tributary.api.offset.Lsn;
import io.tributary.api.offset.PostgresOffset;

/**
 * Decides which streamed changes are already durable, given the offset capture resumes from:
 * transactions committed before the offset's transaction, and the first {@code eventsInTx} events
 * of that one (all of them when it is complete). The server may resend those after a restart.
 */
final class ResumePoint {
  private final Lsn commitLsn;
  private final long eventsInTx;
  private final boolean txComplete;
  private boolean passed;

  ResumePoint(PostgresOffset offset) {
    this.commitLsn = offset.commitLsn();
    this.eventsInTx = offset.eventsInTx();
    this.txComplete = offset.txComplete();
    this.passed = offset.commitLsn().equals(Lsn.ZERO);
  }

  /**
   * How many leading events of the transaction committing at {@code txCommit} to drop: 0, some, or
   * {@link Long#MAX_VALUE} for all.
   */
  long eventsToSkip(Lsn txCommit) {
    if (passed) {
      return 0;
    }
    int cmp = txCommit.compareTo(commitLsn);
    if (cmp < 0) {
      return Long.MAX_VALUE;
    }
    if (cmp == 0) {
      return txComplete ? Long.MAX_VALUE : eventsInTx;
    }
    passed = true;
    return 0;
  }

  /** Whether a position marker (a heartbeat) at {@code lsn} is already covered. */
  boolean covers(Lsn lsn) {
    return !passed && lsn.compareTo(commitLsn) <= 0;
  }
}

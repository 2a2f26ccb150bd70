package io.tributary.postgres.stream;

import io.tributary.api.TransactionInfo;
import io.tributary.api.offset.Lsn;
import java.util.HashMap;
import java.util.Map;

/** The transaction being received: its identity and how many of its events were seen so far. */
final class TransactionState {
  final Lsn commitLsn;
  final long xid;
  final long commitTimeMs;
  final long skip;
  private final String id;
  private final String keyPrefix;
  private final Map<String, Long> perStream = new HashMap<>();
  private long events;

  TransactionState(Lsn commitLsn, long xid, long commitTimeMs, long skip) {
    this.commitLsn = commitLsn;
    this.xid = xid;
    this.commitTimeMs = commitTimeMs;
    this.skip = skip;
    this.id = xid + ":" + commitLsn.value();
    this.keyPrefix = commitLsn + ":";
  }

  /** Counts one more event; returns whether it is new (not already durable before a restart). */
  boolean next() {
    events++;
    return events > skip;
  }

  long events() {
    return events;
  }

  TransactionInfo info(String stream) {
    long perTable = perStream.merge(stream, 1L, Long::sum);
    return new TransactionInfo(id, events, perTable);
  }

  String idempotencyKey() {
    return keyPrefix + events;
  }
}

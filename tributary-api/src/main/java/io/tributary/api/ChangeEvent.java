package io.tributary.api;

import java.util.Objects;

/**
 * One change to one row (or one truncate of a table), as captured from a source.
 *
 * @param stream the stream it belongs to, {@code <pipeline>.<schema>.<table>} by default
 * @param op what happened
 * @param key the primary key columns of the row, or null for tables without a key and truncates
 * @param before the row before the change (updates with a full replica identity, deletes), or null
 * @param after the row after the change (reads, creates, updates), or null
 * @param source where and when it happened
 * @param transaction the transaction it belongs to, or null for snapshot reads
 * @param tsMs when Tributary processed the event, epoch milliseconds
 * @param idempotencyKey the source position of this very event as text, unique within the pipeline
 *     and stable across restarts, so consumers can de-duplicate
 */
public record ChangeEvent(
    String stream,
    Op op,
    Row key,
    Row before,
    Row after,
    SourceInfo source,
    TransactionInfo transaction,
    long tsMs,
    String idempotencyKey) {

  public ChangeEvent {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }
}

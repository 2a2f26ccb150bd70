package io.tributary.api;

/**
 * The {@code transaction} block of an envelope.
 *
 * @param id transaction id as the source names it, e.g. {@code "742:24023128"} (txid:lsn) for
 *     PostgreSQL
 * @param totalOrder 1-based position of the event among all events of the transaction
 * @param dataCollectionOrder 1-based position among the transaction's events of the same table
 */
public record TransactionInfo(String id, long totalOrder, long dataCollectionOrder) {}

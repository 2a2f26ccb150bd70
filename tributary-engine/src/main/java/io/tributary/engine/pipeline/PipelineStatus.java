package io.tributary.engine.pipeline;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of a pipeline's health, safe to hand to other threads.
 *
 * @param state lifecycle state
 * @param eventsWritten events durably written since start
 * @param lastEventAt when the last durable event was written, or null
 * @param committedOffset the last committed offset, encoded, or null
 * @param lastError the last error message, or null
 * @param retries transient failures since start
 * @param lagBytes source log bytes not yet captured, or -1 when unknown
 * @param snapshotProgress per table: {rows done, rows estimated}
 * @param latencyP50Ms median time from capture to durable over the latest 1,024 writes, -1 if none
 * @param latencyP99Ms 99th percentile of the same, -1 if none
 * @param retainedBytes source log the source keeps for this pipeline (PostgreSQL: WAL its slot
 *     holds back), -1 when unknown
 */
public record PipelineStatus(
    PipelineState state,
    long eventsWritten,
    Instant lastEventAt,
    String committedOffset,
    String lastError,
    long retries,
    long lagBytes,
    Map<String, long[]> snapshotProgress,
    double latencyP50Ms,
    double latencyP99Ms,
    long retainedBytes) {}

package io.tributary.server.connector;

import java.time.Instant;

/**
 * One sample of a connector's throughput, lag and latency, for the charts.
 *
 * @param latencyP99Ms capture-to-durable latency (99th percentile of the latest writes), -1 if none
 */
public record MetricPoint(
    Instant at, double eventsPerSecond, long lagBytes, double lagSeconds, double latencyP99Ms) {}

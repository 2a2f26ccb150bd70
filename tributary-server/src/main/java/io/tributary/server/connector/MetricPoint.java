package io.tributary.server.connector;

import java.time.Instant;

/** One sample of a connector's throughput and lag, for the charts. */
public record MetricPoint(Instant at, double eventsPerSecond, long lagBytes, double lagSeconds) {}

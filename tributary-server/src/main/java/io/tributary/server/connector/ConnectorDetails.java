package io.tributary.server.connector;

import java.time.Instant;
import java.util.Map;

/**
 * A connector as the API shows it.
 *
 * @param document its current pipeline document, secrets redacted
 */
public record ConnectorDetails(
    String name,
    String type,
    Map<String, Object> document,
    int version,
    Instant createdAt,
    Instant updatedAt,
    ConnectorStatus status) {}

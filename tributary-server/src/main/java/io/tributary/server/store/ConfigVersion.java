package io.tributary.server.store;

import java.time.Instant;

/**
 * One saved version of a connector's document.
 *
 * @param document the pipeline document as JSON, secret values sealed
 * @param createdBy the API key (name) that saved it
 * @param comment what the change was for; may be empty
 */
public record ConfigVersion(
    String connector,
    int version,
    String document,
    Instant createdAt,
    String createdBy,
    String comment) {}

package io.tributary.server.store;

import java.time.Instant;

/**
 * An API key as stored: never the key itself, only its hash.
 *
 * @param id the public part of the key, shown in lists and audit entries
 * @param role {@code admin}, {@code operator} or {@code viewer}
 * @param hash hex SHA-256 of the whole key
 * @param lastUsedAt when it last authenticated a request, or null
 */
public record ApiKeyRecord(
    String id, String name, String role, String hash, Instant createdAt, Instant lastUsedAt) {}

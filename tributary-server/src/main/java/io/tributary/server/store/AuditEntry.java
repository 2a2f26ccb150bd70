package io.tributary.server.store;

import java.time.Instant;

/**
 * One change, as the audit log keeps it.
 *
 * @param actor who made it: the API key's name, or {@code system} for the server itself
 * @param action what was done, e.g. {@code connector.create}, {@code connector.pause}
 * @param target what it was done to, e.g. {@code connector/shop}
 * @param details a short human description (never secrets)
 */
public record AuditEntry(
    long id, Instant at, String actor, String action, String target, String details) {}

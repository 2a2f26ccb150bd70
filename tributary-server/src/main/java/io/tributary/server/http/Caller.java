package io.tributary.server.http;

import io.tributary.server.security.Role;

/**
 * Who makes a request: the API key it authenticated with (directly or through a UI session).
 *
 * @param keyId the key's public id
 * @param name the key's name, recorded as the actor in the audit log
 */
public record Caller(String keyId, String name, Role role) {}

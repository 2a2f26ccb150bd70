package io.tributary.server.security;

/** What a request needs to be allowed; {@link Role#allows} says which roles have it. */
public enum Permission {
  /** Read anything the API shows (secrets are never shown to anyone). */
  READ,
  /** Create, change and control connectors, maintenance windows and alert rules. */
  OPERATE,
  /** Manage API keys. */
  ADMINISTER
}

/**
 * The control plane's security building blocks: the master key and {@link
 * io.tributary.server.security.SecretBox} that encrypt secrets at rest, API key and session tokens
 * with their {@link io.tributary.server.security.Role roles}, and the server's TLS certificate. The
 * HTTP layer and the metadata store use them; nothing here does I/O beyond the data directory files
 * it owns ({@code master.key}, {@code tls/}).
 */
package io.tributary.server.security;

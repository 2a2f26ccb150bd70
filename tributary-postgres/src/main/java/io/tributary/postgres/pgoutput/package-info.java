/**
 * A decoder for the logical replication messages of PostgreSQL's {@code pgoutput} plugin, protocol
 * version 1. The code mirrors the protocol: one record per message type ({@link
 * io.tributary.postgres.pgoutput.Begin}, {@link io.tributary.postgres.pgoutput.Relation}, {@link
 * io.tributary.postgres.pgoutput.Insert}, …) and one small package-private decoder for each, chosen
 * by {@link io.tributary.postgres.pgoutput.PgOutputDecoder}.
 *
 * <p>See "Logical Replication Message Formats" in the PostgreSQL documentation for the wire format.
 */
package io.tributary.postgres.pgoutput;

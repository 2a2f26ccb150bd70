package io.tributary.postgres.pgoutput;

/**
 * One logical replication message sent by {@code pgoutput} (protocol version 1). Each permitted
 * record corresponds to one message type of the protocol; they are immutable and safe to share
 * between threads.
 */
public sealed interface PgOutputMessage
    permits Begin,
        Commit,
        Origin,
        Relation,
        Type,
        Insert,
        Update,
        Delete,
        Truncate,
        LogicalMessage {}

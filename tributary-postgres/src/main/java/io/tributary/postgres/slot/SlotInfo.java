package io.tributary.postgres.slot;

import io.tributary.api.offset.Lsn;

/**
 * A replication slot as the server reports it.
 *
 * @param name slot name
 * @param plugin output plugin
 * @param database database it decodes
 * @param active whether a session is streaming from it
 * @param activePid that session's PID, 0 when inactive
 * @param confirmedFlush the position the consumer confirmed; decoding resumes from here
 * @param restartLsn the oldest WAL the slot retains
 */
public record SlotInfo(
    String name,
    String plugin,
    String database,
    boolean active,
    int activePid,
    Lsn confirmedFlush,
    Lsn restartLsn) {}

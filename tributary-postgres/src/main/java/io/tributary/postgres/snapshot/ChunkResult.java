package io.tributary.postgres.snapshot;

import io.tributary.api.ChangeEvent;
import io.tributary.api.EncodedEvents;

/**
 * The events of one copied chunk, already encoded by the worker that copied it (so the encoding is
 * spread over the workers and only compact bytes wait in queues).
 *
 * @param chunk the chunk
 * @param events its rows as encoded read events
 * @param last the last row's event before encoding, or null for an empty chunk (the final event of
 *     a snapshot is re-encoded with {@code snapshot: "last"})
 */
public record ChunkResult(Chunk chunk, EncodedEvents events, ChangeEvent last) {}

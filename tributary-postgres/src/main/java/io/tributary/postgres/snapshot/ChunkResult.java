package io.tributary.postgres.snapshot;

import io.tributary.api.ChangeEvent;
import java.util.List;

/** The events of one copied chunk. */
public record ChunkResult(Chunk chunk, List<ChangeEvent> events) {}

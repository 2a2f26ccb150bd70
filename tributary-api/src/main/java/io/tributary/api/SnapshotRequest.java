package io.tributary.api;

import java.util.Objects;
import java.util.Set;

/**
 * A user's request to copy tables again while capture goes on (a re-snapshot). A task carries it
 * out once: the source records {@code id} in its offset when the copy is complete, so a restart
 * does not repeat it, and an interrupted copy resumes.
 *
 * @param id unique per request
 * @param tables qualified names of the tables to copy again; empty means every captured table
 */
public record SnapshotRequest(String id, Set<String> tables) {
  public SnapshotRequest {
    Objects.requireNonNull(id, "id");
    tables = Set.copyOf(tables);
  }

  /** Whether {@code qualifiedName} is to be copied again. */
  public boolean covers(String qualifiedName) {
    return tables.isEmpty() || tables.contains(qualifiedName);
  }
}

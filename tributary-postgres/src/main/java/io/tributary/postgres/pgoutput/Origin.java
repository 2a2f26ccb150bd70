package io.tributary.postgres.pgoutput;

import io.tributary.api.offset.Lsn;
import java.util.Objects;

/**
 * {@code Origin} ('O'): the transaction was replicated here from another server (replication
 * origin).
 *
 * @param commitLsn the LSN of the commit on the origin server
 * @param name the origin's name
 */
public record Origin(Lsn commitLsn, String name) implements PgOutputMessage {

  public Origin {
    Objects.requireNonNull(commitLsn, "commitLsn");
    Objects.requireNonNull(name, "name");
  }
}

package io.tributary.postgres.connector;

import io.tributary.api.RetriableException;
import io.tributary.postgres.connection.Connections;
import io.tributary.postgres.connection.ErrorClassifier;
import io.tributary.postgres.slot.ReplicationSetup;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Drops a pipeline's replication slot (so PostgreSQL stops retaining WAL for it) and its
 * publication. A slot still held by the walsender of a pipeline that just stopped is released
 * within moments, so an active slot is retried for a few seconds.
 */
final class SourceCleanup {
  private static final Duration RELEASE_WAIT = Duration.ofSeconds(10);

  private final PostgresConfig config;

  SourceCleanup(PostgresConfig config) {
    this.config = config;
  }

  void run() {
    try (Connection c = new Connections(config).open("cleanup")) {
      ReplicationSetup setup = new ReplicationSetup(c);
      long deadline = System.nanoTime() + RELEASE_WAIT.toNanos();
      while (true) {
        var slot = setup.findSlot(config.slot());
        if (slot.isEmpty()) {
          break;
        }
        if (!slot.get().active()) {
          setup.dropSlot(config.slot());
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new RetriableException(
              "replication slot "
                  + config.slot()
                  + " is still in use by another session; stop whatever reads it, then try again",
              null);
        }
        Thread.sleep(200);
      }
      try (Statement st = c.createStatement()) {
        st.execute(
            "DROP PUBLICATION IF EXISTS \"" + config.publication().replace("\"", "\"\"") + "\"");
      }
    } catch (SQLException e) {
      throw new ErrorClassifier(config)
          .classify("dropping the replication slot and publication", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableException("interrupted while waiting for the slot to be released", e);
    }
  }
}

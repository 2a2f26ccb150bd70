package io.tributary.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.locks.LockSupport;

/**
 * Inserts one row per transaction on a fixed schedule: transaction {@code i} (row id {@code firstId
 * + i}) starts at {@code start + i / tps}, or at once when the previous ones ran late, so a slow
 * commit does not lower the offered load afterwards. Runs on the calling thread.
 */
final class LoadGenerator {
  private final BenchDatabase db;
  private final int tps;

  /**
   * @param count transactions run
   * @param measuredFrom index of the first transaction of the measured window
   * @param measuredSeconds from the scheduled start of the measured window to the last commit
   * @param maxLagMs how late, at most, a transaction started after its scheduled time
   * @param commits round-trip times of the measured window's insert-and-commit statements
   */
  record Outcome(
      long count, long measuredFrom, double measuredSeconds, double maxLagMs, Latencies commits) {

    double achievedTps() {
      return (count - measuredFrom) / measuredSeconds;
    }
  }

  LoadGenerator(BenchDatabase db, int tps) {
    this.db = db;
    this.tps = tps;
  }

  /** Runs {@code warmup + measured} transactions inserting ids {@code firstId...}. */
  Outcome run(String table, long firstId, long warmup, long measured) throws SQLException {
    long count = warmup + measured;
    double nanosPerTx = 1e9 / tps;
    long maxLag = 0;
    double[] commitMs = new double[(int) measured];
    try (Connection c = db.connect();
        PreparedStatement insert =
            c.prepareStatement("INSERT INTO " + table + " (id, payload) VALUES (?, ?)")) {
      c.setAutoCommit(true);
      long start = System.nanoTime();
      for (long i = 0; i < count; i++) {
        long due = start + (long) (i * nanosPerTx);
        long now = waitUntil(due);
        maxLag = Math.max(maxLag, now - due);
        insert.setLong(1, firstId + i);
        insert.setString(
            2,
            "event "
                + (firstId + i)
                + " of the steady load, about a hundred bytes of payload text.");
        insert.executeUpdate();
        if (i >= warmup) {
          commitMs[(int) (i - warmup)] = (System.nanoTime() - now) / 1e6;
        }
      }
      long end = System.nanoTime();
      long measuredStart = start + (long) (warmup * nanosPerTx);
      return new Outcome(
          count, warmup, (end - measuredStart) / 1e9, maxLag / 1e6, Latencies.of(commitMs));
    }
  }

  private static long waitUntil(long due) {
    long now = System.nanoTime();
    while (now < due) {
      LockSupport.parkNanos(due - now);
      now = System.nanoTime();
    }
    return now;
  }
}

package io.tributary.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded metadata database (H2, one file under the data directory) behind every repository.
 * One connection, used by one caller at a time: the control plane's metadata traffic is small, and
 * serialising it keeps every read consistent with the writes before it. Thread-safe.
 */
public final class Database implements AutoCloseable {
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  private Database(Connection connection) {
    this.connection = connection;
  }

  /**
   * Opens (or creates) the metadata database in {@code directory} and brings its schema up to date.
   *
   * @throws StoreException when it cannot be opened, e.g. because another server uses it
   */
  public static Database open(Path directory) {
    try {
      Files.createDirectories(directory);
      String url =
          "jdbc:h2:file:"
              + directory.toAbsolutePath().resolve("metadata")
              + ";DB_CLOSE_ON_EXIT=FALSE";
      Connection c = DriverManager.getConnection(url, "tributary", "");
      Database db = new Database(c);
      db.transaction(Schema::apply);
      return db;
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).contains("already in use")) {
        throw new StoreException(
            "the metadata store in "
                + directory
                + " is used by another Tributary server; stop it, or give this one its own --data directory",
            e);
      }
      throw new StoreException("cannot open the metadata store in " + directory + ": " + e, e);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create the data directory " + directory + ": " + e, e);
    }
  }

  /** Runs {@code work} in one transaction: all of its writes land, or none. */
  public <T> T transaction(Work<T> work) {
    lock.lock();
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("metadata store: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code work} as a transaction that returns nothing. */
  public void update(VoidWork work) {
    transaction(
        c -> {
          work.run(c);
          return null;
        });
  }

  @Override
  public void close() {
    lock.lock();
    try (Statement st = connection.createStatement()) {
      st.execute("SHUTDOWN");
    } catch (SQLException e) {
      // closing: nothing is left to protect, the file is consistent after every commit
    } finally {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // already shut down
      }
      lock.unlock();
    }
  }

  /** Work with the connection that returns a value. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Work with the connection. */
  @FunctionalInterface
  public interface VoidWork {
    void run(Connection connection) throws SQLException;
  }
}

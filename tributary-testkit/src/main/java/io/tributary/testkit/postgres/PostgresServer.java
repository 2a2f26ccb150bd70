package io.tributary.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A private PostgreSQL 15 server for integration tests, run from the installed binaries in a fresh
 * temporary directory and listening on a free port of 127.0.0.1.
 *
 * <p>The server has logical decoding enabled ({@code wal_level=logical}, 20 slots and WAL senders),
 * TLS with a self-signed certificate, and password (SCRAM) login over TCP for the superuser {@value
 * #SUPERUSER}/{@value #PASSWORD}, who may also open replication connections and owns the database
 * {@value #SUPERUSER}. Durability is off unless {@link Builder#durable(boolean)} asks for it.
 *
 * <p>Lifecycle: {@link Builder#start()} returns a running server. {@link #stop()} shuts it down
 * cleanly, {@link #kill()} crashes it (SIGKILL), and {@link #start()} brings it back on the same
 * port and data, running crash recovery after a kill. With the default {@code
 * synchronous_commit=off}, a kill may lose transactions committed a fraction of a second earlier,
 * as PostgreSQL allows; crash tests that expect them set {@code synchronous_commit=on}. {@link
 * #close()} stops it and deletes its files. A shutdown hook closes servers a test forgot; servers
 * orphaned by a JVM killed with SIGKILL are reaped by the next JVM that starts one.
 *
 * <p>Most test classes should share {@link #shared()} and isolate themselves with their own
 * database ({@link #createUniqueDatabase(String)}); only tests of the server's lifecycle or
 * settings need a private server.
 *
 * <p>Thread-safe: lifecycle methods are serialized; {@link #connect(String)} and the SQL helpers
 * may be called from any thread while the server runs.
 */
public final class PostgresServer implements AutoCloseable {

  public static final String SUPERUSER = "tributary";
  public static final String PASSWORD = "tributary";

  private static final String HOST = "127.0.0.1";
  private static final int PORT_ATTEMPTS = 5;
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final AtomicLong DATABASE_COUNTER = new AtomicLong();
  private static PostgresServer shared;

  private enum State {
    STOPPED,
    RUNNING,
    CLOSED
  }

  private final PostgresOptions options;
  private final PostgresUser user;
  private final ServerFiles files;
  private final ServerRegistry registry;
  private final Postmaster postmaster;
  private final boolean isShared;
  private final Thread closeOnExit;
  private volatile int port;
  private State state = State.STOPPED;

  private PostgresServer(
      PostgresOptions options,
      PostgresUser user,
      ServerFiles files,
      ServerRegistry registry,
      boolean isShared) {
    this.options = options;
    this.user = user;
    this.files = files;
    this.registry = registry;
    this.postmaster = new Postmaster(user, options, files);
    this.isShared = isShared;
    this.closeOnExit = new Thread(this::shutDown, "close-postgres-" + files.root().getFileName());
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The server shared by every test of this JVM, started on first use with default options and
   * closed when the JVM exits. It cannot be stopped, killed or closed by tests.
   */
  public static synchronized PostgresServer shared() {
    if (shared == null) {
      shared = launch(new Builder().options(), true);
    }
    return shared;
  }

  private static PostgresServer launch(PostgresOptions options, boolean isShared) {
    PostgresUser user = PostgresUser.forThisJvm();
    ServerRegistry registry = ServerRegistry.standard();
    registry.reapOrphans();
    ServerFiles files = ServerFiles.create(user);
    PostgresServer server = new PostgresServer(options, user, files, registry, isShared);
    server.initialize();
    return server;
  }

  /** Always {@code 127.0.0.1}. */
  public String host() {
    return HOST;
  }

  /** The TCP port; it stays the same across {@link #stop()} and {@link #start()}. */
  public int port() {
    return port;
  }

  /** A pgjdbc URL for {@code database}, without credentials. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
  }

  public String superuserUser() {
    return SUPERUSER;
  }

  public String password() {
    return PASSWORD;
  }

  /** Opens a connection to {@code database} as the superuser, over TCP with the default sslmode. */
  public Connection connect(String database) throws SQLException {
    return connect(database, Map.of());
  }

  /**
   * Like {@link #connect(String)}, with extra pgjdbc properties such as {@code sslmode=require} or
   * {@code replication=database}; {@code user} and {@code password} among them replace the
   * superuser's.
   */
  public Connection connect(String database, Map<String, String> properties) throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", SUPERUSER);
    info.setProperty("password", PASSWORD);
    info.putAll(properties);
    return DriverManager.getConnection(jdbcUrl(database), info);
  }

  /** Runs each statement in its own transaction (autocommit) on a fresh connection. */
  public void execute(String database, String... sql) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      for (String each : sql) {
        try {
          statement.execute(each);
        } catch (SQLException e) {
          throw new SQLException(
              "failed in database " + database + ": " + each + ": " + e.getMessage(),
              e.getSQLState(),
              e);
        }
      }
    }
  }

  /**
   * Creates a database owned by the superuser.
   *
   * @param name lower-case letters, digits and underscores, as PostgreSQL folds unquoted names
   */
  public void createDatabase(String name) throws SQLException {
    if (name == null || !DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "database names must match " + DATABASE_NAME + ", got: " + name);
    }
    execute("postgres", "CREATE DATABASE " + name + " OWNER " + SUPERUSER);
  }

  /** Creates a database whose name starts with {@code prefix} and is unique on this server. */
  public String createUniqueDatabase(String prefix) throws SQLException {
    String name = prefix + "_" + DATABASE_COUNTER.incrementAndGet();
    createDatabase(name);
    return name;
  }

  /** Starts the server again on the same port and data; does nothing if it runs. */
  public synchronized void start() {
    requireOpen();
    if (state != State.RUNNING) {
      postmaster.start();
      state = State.RUNNING;
    }
  }

  /**
   * Shuts the server down cleanly (fast mode: open sessions are ended); does nothing if stopped.
   */
  public synchronized void stop() {
    requireNotShared("stop");
    requireOpen();
    if (state == State.RUNNING) {
      postmaster.stop();
      state = State.STOPPED;
    }
  }

  /**
   * Crashes the server: SIGKILL to the postmaster and all its processes, leaving the data directory
   * as a power failure would. {@link #start()} then runs crash recovery.
   */
  public synchronized void kill() {
    requireNotShared("kill");
    requireOpen();
    if (state == State.RUNNING) {
      postmaster.kill();
      state = State.STOPPED;
    }
  }

  /** Whether the postmaster runs. */
  public synchronized boolean isRunning() {
    return state == State.RUNNING && postmaster.isRunning();
  }

  /** The server log, appended to across restarts. */
  public Path logFile() {
    return files.logFile();
  }

  public Path dataDir() {
    return files.dataDir();
  }

  /** Stops the server if it runs and deletes all its files. Idempotent. */
  @Override
  public void close() {
    requireNotShared("close");
    shutDown();
    try {
      Runtime.getRuntime().removeShutdownHook(closeOnExit);
    } catch (IllegalStateException shutdownInProgress) {
      // The hook runs shutDown() too, which is idempotent.
    }
  }

  @Override
  public String toString() {
    return "PostgresServer[" + HOST + ":" + port + ", " + files.root() + "]";
  }

  private void initialize() {
    registry.register(files);
    Runtime.getRuntime().addShutdownHook(closeOnExit);
    try {
      ClusterInitializer initializer = new ClusterInitializer(user, options, files);
      initializer.initialize();
      startOnFreePort(initializer);
      initializer.createSuperuser(port);
    } catch (RuntimeException e) {
      try {
        shutDown();
        Runtime.getRuntime().removeShutdownHook(closeOnExit);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private synchronized void startOnFreePort(ClusterInitializer initializer) {
    for (int attempt = 1; ; attempt++) {
      port = freePort();
      initializer.writeConfig(new ServerConfig(options, port, files.socketDir()));
      try {
        postmaster.start();
        state = State.RUNNING;
        return;
      } catch (PostgresServerException e) {
        // Another process may have taken the port between choosing and binding it.
        if (attempt == PORT_ATTEMPTS || !postmaster.logTail().contains("Address already in use")) {
          throw e;
        }
      }
    }
  }

  private synchronized void shutDown() {
    if (state == State.CLOSED) {
      return;
    }
    try {
      // Asks the process rather than the state: a start that timed out may have left it running.
      if (postmaster.isRunning()) {
        postmaster.stop();
      }
    } catch (RuntimeException e) {
      postmaster.kill();
    } finally {
      state = State.CLOSED;
    }
    files.delete();
    registry.unregister(files);
  }

  private void requireOpen() {
    if (state == State.CLOSED) {
      throw new IllegalStateException(this + " is closed");
    }
  }

  private void requireNotShared(String operation) {
    if (isShared) {
      throw new UnsupportedOperationException(
          "the shared server cannot "
              + operation
              + ": other test classes use it; build a private server with PostgresServer.builder() instead");
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + HOST, e);
    }
  }

  /**
   * Options of a private server. Defaults: binaries from {@code -Dtributary.pg.bin} or {@code
   * /usr/lib/postgresql/15/bin}, durability off, no extra settings, 60 s per start or stop. Not
   * thread-safe.
   */
  public static final class Builder {

    private Path binDir = PostgresOptions.defaultBinDir();
    private boolean durable;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private Duration startTimeout = Duration.ofSeconds(60);

    private Builder() {}

    public Builder binDir(Path dir) {
      this.binDir = dir;
      return this;
    }

    /**
     * Turns fsync, synchronous_commit and full_page_writes on, for benchmarks and durability tests.
     */
    public Builder durable(boolean on) {
      this.durable = on;
      return this;
    }

    /**
     * Adds a postgresql.conf setting that overrides the defaults, e.g. {@code wal_level=replica}.
     */
    public Builder setting(String name, String value) {
      settings.put(name, value);
      return this;
    }

    public Builder startTimeout(Duration timeout) {
      this.startTimeout = timeout;
      return this;
    }

    /**
     * Creates, initializes and starts a server.
     *
     * @throws PostgresServerException if a step fails; the message includes the server log tail
     */
    public PostgresServer start() {
      return launch(options(), false);
    }

    PostgresOptions options() {
      return new PostgresOptions(binDir, durable, settings, startTimeout);
    }
  }
}

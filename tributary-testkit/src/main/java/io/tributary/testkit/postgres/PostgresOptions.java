package io.tributary.testkit.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How to run a private server, validated when built: the binaries must exist and every extra
 * setting must be a well-formed name the testkit does not own.
 *
 * @param binDir directory holding initdb, pg_ctl, postgres and psql
 * @param durable whether fsync, synchronous_commit and full_page_writes are on (off is faster)
 * @param settings extra postgresql.conf settings, applied last so they override the defaults
 * @param startTimeout how long one tool invocation, such as {@code pg_ctl start}, may take
 */
record PostgresOptions(
    Path binDir, boolean durable, Map<String, String> settings, Duration startTimeout) {

  static final String BIN_DIR_PROPERTY = "tributary.pg.bin";
  static final Path DEFAULT_BIN_DIR = Path.of("/usr/lib/postgresql/15/bin");

  private static final List<String> TOOLS = List.of("initdb", "pg_ctl", "postgres", "psql");
  private static final Pattern SETTING_NAME =
      Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)?");

  /**
   * The testkit decides where the server listens; clients rely on {@link PostgresServer#port()}.
   */
  private static final Set<String> OWNED_SETTINGS =
      Set.of("port", "listen_addresses", "unix_socket_directories");

  PostgresOptions {
    Objects.requireNonNull(binDir, "binDir");
    Objects.requireNonNull(startTimeout, "startTimeout");
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
    }
    settings.forEach(PostgresOptions::checkSetting);
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    checkBinaries(binDir);
  }

  static Path defaultBinDir() {
    String configured = System.getProperty(BIN_DIR_PROPERTY);
    return configured == null || configured.isBlank() ? DEFAULT_BIN_DIR : Path.of(configured);
  }

  Path tool(String name) {
    return binDir.resolve(name);
  }

  private static void checkSetting(String name, String value) {
    if (name == null || !SETTING_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a postgresql.conf setting name: " + name);
    }
    if (OWNED_SETTINGS.contains(name)) {
      throw new IllegalArgumentException(
          name + " is chosen by the testkit and cannot be overridden");
    }
    if (value == null
        || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0
        || value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "setting " + name + " needs a single-line value, got: " + value);
    }
  }

  private static void checkBinaries(Path binDir) {
    List<String> missing =
        TOOLS.stream().filter(tool -> !Files.isExecutable(binDir.resolve(tool))).toList();
    if (!missing.isEmpty()) {
      throw new PostgresServerException(
          "PostgreSQL server binaries "
              + missing
              + " not found in "
              + binDir
              + ": install postgresql-15 (apt-get install postgresql-15), or point -D"
              + BIN_DIR_PROPERTY
              + " at the bin directory of an installed PostgreSQL");
    }
  }
}

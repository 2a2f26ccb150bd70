package io.tributary.postgres.connector;

import io.tributary.api.config.Config;
import io.tributary.api.config.ConfigField;
import io.tributary.api.config.ConfigSpec;
import io.tributary.api.config.ConfigType;
import io.tributary.api.config.Validator;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The PostgreSQL source's configuration, typed and frozen.
 *
 * @param pipeline the pipeline's name, which gives default slot and publication names
 */
public record PostgresConfig(
    String pipeline,
    String host,
    int port,
    String database,
    String user,
    String password,
    String sslmode,
    String sslrootcert,
    List<String> tables,
    SnapshotMode snapshot,
    String slot,
    String publication,
    int snapshotWorkers,
    int snapshotChunkRows,
    int batchSize,
    Duration heartbeatInterval,
    Duration connectTimeout) {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private static final Validator IDENTIFIER_RULE =
      v ->
          v instanceof String s && !IDENTIFIER.matcher(s).matches()
              ? "must be a lowercase identifier: letters, digits and _ (at most 63), was '"
                  + s
                  + "'"
              : null;

  /** What to do about existing rows. */
  public enum SnapshotMode {
    /** Snapshot the tables, then stream changes. */
    INITIAL,
    /** Snapshot the tables, then stop. */
    INITIAL_ONLY,
    /** Stream changes only. */
    NEVER;

    static SnapshotMode parse(String s) {
      return valueOf(s.toUpperCase(Locale.ROOT));
    }
  }

  public static final ConfigSpec SPEC =
      new ConfigSpec(
          List.of(
              field(
                      "host",
                      ConfigType.STRING,
                      "Connection",
                      "Host name or IP address of the PostgreSQL server.")
                  .defaultValue("localhost")
                  .validator(Validator.nonBlank())
                  .build(),
              field("port", ConfigType.INT, "Connection", "TCP port of the PostgreSQL server.")
                  .defaultValue(5432)
                  .validator(Validator.range(1, 65535))
                  .build(),
              field("database", ConfigType.STRING, "Connection", "Database to capture.")
                  .required()
                  .validator(Validator.nonBlank())
                  .build(),
              field(
                      "user",
                      ConfigType.STRING,
                      "Connection",
                      "Role to connect as; it needs the REPLICATION attribute and SELECT on the tables.")
                  .required()
                  .validator(Validator.nonBlank())
                  .build(),
              field(
                      "password",
                      ConfigType.PASSWORD,
                      "Connection",
                      "Password of the role. Use ${env:NAME} or ${file:/path} to keep it out of the file.")
                  .build(),
              field(
                      "sslmode",
                      ConfigType.ENUM,
                      "Security",
                      "TLS to the server: disable, prefer (TLS when offered), require (TLS, no certificate check), "
                          + "verify-ca (TLS, trusted CA), verify-full (TLS, trusted CA and host name).")
                  .allowed("disable", "prefer", "require", "verify-ca", "verify-full")
                  .defaultValue("prefer")
                  .build(),
              field(
                      "sslrootcert",
                      ConfigType.STRING,
                      "Security",
                      "Path of the CA certificate file used by verify-ca and verify-full.")
                  .build(),
              field(
                      "tables",
                      ConfigType.LIST,
                      "Capture",
                      "Tables to capture as schema.table; a * in the table part matches any name, e.g. public.*.")
                  .required()
                  .build(),
              field(
                      "snapshot",
                      ConfigType.ENUM,
                      "Capture",
                      "initial: copy existing rows, then stream changes; initial_only: copy, then stop; "
                          + "never: stream changes only.")
                  .allowed("initial", "initial_only", "never")
                  .defaultValue("initial")
                  .build(),
              field(
                      "slot",
                      ConfigType.STRING,
                      "Capture",
                      "Logical replication slot name; default tributary_<pipeline>. An existing slot is reused.")
                  .validator(IDENTIFIER_RULE)
                  .build(),
              field(
                      "publication",
                      ConfigType.STRING,
                      "Capture",
                      "Publication name; default tributary_<pipeline>. An existing publication is reused.")
                  .validator(IDENTIFIER_RULE)
                  .build(),
              field(
                      "snapshot_workers",
                      ConfigType.INT,
                      "Advanced",
                      "Parallel connections copying snapshot chunks.")
                  .defaultValue(2)
                  .validator(Validator.range(1, 16))
                  .build(),
              field(
                      "snapshot_chunk_rows",
                      ConfigType.INT,
                      "Advanced",
                      "Approximate rows per snapshot chunk; a chunk is written atomically.")
                  .defaultValue(5_000)
                  .validator(Validator.range(100, 1_000_000))
                  .build(),
              field(
                      "batch_size",
                      ConfigType.INT,
                      "Advanced",
                      "Most events handed over in one batch.")
                  .defaultValue(4096)
                  .validator(Validator.range(1, 100_000))
                  .build(),
              field(
                      "heartbeat_interval",
                      ConfigType.DURATION,
                      "Advanced",
                      "How often to write a heartbeat into the WAL so an idle slot keeps advancing.")
                  .defaultValue(Duration.ofSeconds(10))
                  .build(),
              field(
                      "connect_timeout",
                      ConfigType.DURATION,
                      "Advanced",
                      "Timeout to establish a connection.")
                  .defaultValue(Duration.ofSeconds(10))
                  .build()));

  private static ConfigField.Builder field(
      String name, ConfigType type, String group, String description) {
    return ConfigField.builder(name, type).group(group).description(description);
  }

  public static PostgresConfig from(Config c, String pipeline) {
    String suffix = pipeline.replace('-', '_').toLowerCase(Locale.ROOT);
    return new PostgresConfig(
        pipeline,
        c.getString("host"),
        c.getInt("port"),
        c.getString("database"),
        c.getString("user"),
        c.has("password") ? c.getString("password") : null,
        c.getString("sslmode"),
        c.has("sslrootcert") ? c.getString("sslrootcert") : null,
        c.getList("tables"),
        SnapshotMode.parse(c.getString("snapshot")),
        c.has("slot") ? c.getString("slot") : "tributary_" + suffix,
        c.has("publication") ? c.getString("publication") : "tributary_" + suffix,
        c.getInt("snapshot_workers"),
        c.getInt("snapshot_chunk_rows"),
        c.getInt("batch_size"),
        c.getDuration("heartbeat_interval"),
        c.getDuration("connect_timeout"));
  }

  /** Where to connect, for messages. */
  public String address() {
    return host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "PostgresConfig[" + user + "@" + address() + ", tables=" + tables + "]";
  }
}

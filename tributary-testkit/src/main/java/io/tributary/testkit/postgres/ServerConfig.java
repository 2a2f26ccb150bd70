package io.tributary.testkit.postgres;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The postgresql.conf settings of one server: the testkit defaults (logical decoding on, durability
 * off unless asked, SSL with the generated certificate), then the caller's extra settings.
 *
 * @param options the caller's options
 * @param port the TCP port on 127.0.0.1
 * @param socketDir where the Unix-domain socket goes
 */
record ServerConfig(PostgresOptions options, int port, Path socketDir) {

  /** The file, inside the data directory, that postgresql.conf includes. */
  static final String FILE_NAME = "tributary.conf";

  Map<String, String> settings() {
    String durability = options.durable() ? "on" : "off";
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("listen_addresses", "127.0.0.1");
    settings.put("port", Integer.toString(port));
    settings.put("unix_socket_directories", socketDir.toString());
    settings.put("wal_level", "logical");
    settings.put("max_replication_slots", "20");
    settings.put("max_wal_senders", "20");
    settings.put("fsync", durability);
    settings.put("synchronous_commit", durability);
    settings.put("full_page_writes", durability);
    settings.put("shared_buffers", "128MB");
    settings.put("ssl", "on");
    settings.put("ssl_cert_file", "server.crt");
    settings.put("ssl_key_file", "server.key");
    settings.putAll(options.settings());
    return settings;
  }

  /** The settings in postgresql.conf syntax, every value quoted. */
  String render() {
    return settings().entrySet().stream()
        .map(e -> e.getKey() + " = '" + e.getValue().replace("\\", "\\\\").replace("'", "''") + "'")
        .collect(Collectors.joining("\n", "# Written by tributary-testkit.\n", "\n"));
  }
}

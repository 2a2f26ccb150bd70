package io.tributary.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an empty {@link ServerFiles} directory into a data directory ready to start: runs initdb,
 * generates a self-signed TLS certificate, writes pg_hba.conf and makes postgresql.conf include the
 * testkit's settings file; once started, creates the superuser. Runs on the caller's thread; not
 * for concurrent use on one directory.
 */
final class ClusterInitializer {

  /**
   * Password login over TCP for everything, including replication connections; trust over the
   * Unix-domain socket, whose directory only the server's account can enter.
   */
  private static final String PG_HBA =
      """
      # Written by tributary-testkit.
      local all         all                trust
      local replication all                trust
      host  all         all  127.0.0.1/32  scram-sha-256
      host  replication all  127.0.0.1/32  scram-sha-256
      """;

  private final PostgresUser user;
  private final PostgresOptions options;
  private final ServerFiles files;

  ClusterInitializer(PostgresUser user, PostgresOptions options, ServerFiles files) {
    this.user = user;
    this.options = options;
    this.files = files;
  }

  void initialize() {
    initdb();
    generateCertificate();
    write(files.dataDir().resolve("pg_hba.conf"), PG_HBA, StandardOpenOption.TRUNCATE_EXISTING);
    write(
        files.dataDir().resolve("postgresql.conf"),
        "\ninclude '" + ServerConfig.FILE_NAME + "'\n",
        StandardOpenOption.APPEND);
  }

  /** Writes the settings file that postgresql.conf includes, replacing any previous one. */
  void writeConfig(ServerConfig config) {
    Path file = files.dataDir().resolve(ServerConfig.FILE_NAME);
    write(file, config.render(), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    user.own(file);
  }

  /**
   * Creates the superuser role and its database through the Unix-domain socket, where the bootstrap
   * superuser {@code postgres} needs no password. Run once, on the first start.
   */
  void createSuperuser(int port) {
    String role = PostgresServer.SUPERUSER;
    user.run(
        "creating the " + role + " role and database",
        files.root(),
        files.toolOutput(),
        options.startTimeout(),
        List.of(
            options.tool("psql").toString(),
            "--no-psqlrc",
            "--quiet",
            "--set=ON_ERROR_STOP=1",
            "--host=" + files.socketDir(),
            "--port=" + port,
            "--username=postgres",
            "--dbname=postgres",
            "--command=CREATE ROLE "
                + role
                + " SUPERUSER REPLICATION LOGIN PASSWORD '"
                + PostgresServer.PASSWORD
                + "'",
            "--command=CREATE DATABASE " + role + " OWNER " + role));
  }

  private void initdb() {
    List<String> command =
        new ArrayList<>(
            List.of(
                options.tool("initdb").toString(),
                "--pgdata=" + files.dataDir(),
                "--encoding=UTF8",
                "--locale=C",
                "--username=postgres",
                "--auth=trust",
                "--no-instructions"));
    if (!options.durable()) {
      command.add("--no-sync");
    }
    user.run("initdb", files.root(), files.toolOutput(), options.startTimeout(), command);
  }

  private void generateCertificate() {
    user.run(
        "generating a self-signed certificate with openssl (is openssl installed?)",
        files.dataDir(),
        files.toolOutput(),
        options.startTimeout(),
        List.of(
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=localhost",
            "-days",
            "3650",
            "-keyout",
            "server.key",
            "-out",
            "server.crt"));
    try {
      // The server refuses a private key that others can read.
      Files.setPosixFilePermissions(
          files.dataDir().resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot restrict the permissions of the TLS key in " + files.dataDir(), e);
    }
  }

  private static void write(Path file, String text, StandardOpenOption... mode) {
    try {
      Files.writeString(file, text, mode);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}

package io.tributary.server.cli;

import io.tributary.server.controlplane.ControlPlane;
import io.tributary.server.security.ServerCertificate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tributary server}: the control plane (REST API and web UI over HTTPS) with its embedded
 * metadata store and log, until Ctrl-C or SIGTERM.
 */
@Command(
    name = "server",
    description = {
      "Run the control plane: the REST API and web UI over HTTPS, managing connectors that run in this process.",
      "On its first start it prints a one-time admin API key (or takes TRIBUTARY_ADMIN_KEY)."
    })
final class ServerCommand implements Callable<Integer> {
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  @ParentCommand private Main main;

  @Option(
      names = "--data",
      defaultValue = "./tributary-data",
      paramLabel = "DIR",
      description =
          "Data directory: metadata store, master key, certificate, streams (default: ${DEFAULT-VALUE}).")
  private Path data;

  @Option(
      names = "--port",
      defaultValue = "8443",
      description = "HTTPS port (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = "--host",
      defaultValue = "0.0.0.0",
      description =
          "Interface to listen on (default: ${DEFAULT-VALUE}; 127.0.0.1 for this machine only).")
  private String host;

  @Option(
      names = "--tls-cert",
      paramLabel = "PEM",
      description = "Certificate chain (PEM); with --tls-key.")
  private Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "PEM",
      description = "Private key (PKCS#8 PEM) of --tls-cert.")
  private Path tlsKey;

  @Override
  public Integer call() throws InterruptedException {
    PrintStream err = main.terminal().err();
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new CliException(
          ExitCodes.INVALID,
          "--tls-cert and --tls-key go together: give both, or neither for a self-signed certificate");
    }
    if (port < 0 || port > 65535) {
      throw new CliException(ExitCodes.INVALID, "--port must be between 0 and 65535, was " + port);
    }
    Optional<ServerCertificate> certificate =
        tlsCert == null
            ? Optional.empty()
            : Optional.of(ServerCertificate.loadPem(tlsCert, tlsKey));
    CountDownLatch stopped = new CountDownLatch(1);
    GracefulShutdown shutdown = new GracefulShutdown(stopped::countDown, STOP_GRACE, err);
    try (ControlPlane plane =
        ControlPlane.start(
            new ControlPlane.Settings(data, host, port, certificate, VersionCommand.version()),
            System.getenv(),
            Clock.systemUTC())) {
      announce(plane, err);
      stopped.await();
    } finally {
      shutdown.finished(ExitCodes.OK);
      shutdown.close();
    }
    return ExitCodes.OK;
  }

  private void announce(ControlPlane plane, PrintStream err) {
    String where =
        "https://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + plane.port() + "/";
    err.println(
        "Tributary control plane at "
            + where
            + " (data in "
            + data.toAbsolutePath().normalize()
            + ")");
    err.println(
        "  TLS certificate SHA-256 "
            + plane.certificate().sha256Fingerprint()
            + (plane.certificate().selfSigned()
                ? " (self-signed: your browser will ask you to trust it)"
                : ""));
    plane
        .generatedAdminKey()
        .ifPresent(
            key -> {
              err.println("  Admin API key, shown only this once; keep it safe:");
              err.println();
              err.println("    " + key);
              err.println();
              err.println(
                  "  Log in to the UI with it, or call the API with 'Authorization: Bearer <key>'.");
            });
    err.println(
        "  API: "
            + where
            + "api/v1 (OpenAPI at "
            + where
            + "api/v1/openapi.json). Stop with Ctrl-C.");
  }
}

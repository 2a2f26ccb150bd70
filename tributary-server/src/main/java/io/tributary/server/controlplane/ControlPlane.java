package io.tributary.server.controlplane;

import io.tributary.log.LogDestination;
import io.tributary.server.alert.AlertStore;
import io.tributary.server.connector.ConnectorService;
import io.tributary.server.http.AlertRoutes;
import io.tributary.server.http.ApiServer;
import io.tributary.server.http.MaintenanceRoutes;
import io.tributary.server.http.Route;
import io.tributary.server.maintenance.MaintenanceWindows;
import io.tributary.server.pipeline.Connectors;
import io.tributary.server.pipeline.PipelineLoader;
import io.tributary.server.pipeline.PipelineValidator;
import io.tributary.server.pipeline.ReferenceResolver;
import io.tributary.server.security.MasterKey;
import io.tributary.server.security.SecretBox;
import io.tributary.server.security.ServerCertificate;
import io.tributary.server.store.ApiKeyRepository;
import io.tributary.server.store.AuditLog;
import io.tributary.server.store.ConnectorRepository;
import io.tributary.server.store.Database;
import io.tributary.server.store.DocumentRepository;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The control plane of one Tributary server, assembled: the metadata store and master key in the
 * data directory, the connectors (brought back to what their users last asked for), and the HTTPS
 * API and UI. {@link #close} stops connectors (keeping what users asked for) and the server.
 */
public final class ControlPlane implements AutoCloseable {
  private final Database database;
  private final ConnectorService connectors;
  private final ApiServer server;
  private final ServerCertificate certificate;
  private final Optional<String> generatedAdminKey;
  private final MaintenanceScheduler scheduler;
  private final AlertMonitor monitor;

  private ControlPlane(
      Database database,
      ConnectorService connectors,
      ApiServer server,
      ServerCertificate certificate,
      Optional<String> generatedAdminKey,
      MaintenanceScheduler scheduler,
      AlertMonitor monitor) {
    this.scheduler = scheduler;
    this.monitor = monitor;
    this.database = database;
    this.connectors = connectors;
    this.server = server;
    this.certificate = certificate;
    this.generatedAdminKey = generatedAdminKey;
  }

  /** Opens the data directory, starts serving, then resumes the connectors. */
  public static ControlPlane start(Settings settings, Map<String, String> env, Clock clock) {
    Path data = settings.dataDirectory().toAbsolutePath();
    DataDirectory.prepare(data);
    Database db = Database.open(data);
    try {
      SecureRandom random = new SecureRandom();
      SecretBox box = new SecretBox(MasterKey.loadOrCreate(data, env));
      ApiKeyRepository keys = new ApiKeyRepository(db);
      AuditLog audit = new AuditLog(db);
      Optional<String> adminKey =
          AdminKey.bootstrap(keys, env.get(AdminKey.ENV), random, clock.instant());
      PipelineLoader loader =
          new PipelineLoader(
              new PipelineValidator(
                      Connectors.installed(), LogDestination.SPEC, ReferenceResolver.system())
                  .relativeTo(data));
      ConnectorService connectors =
          new ConnectorService(
              Connectors.installed(),
              loader,
              new ConnectorRepository(db),
              new DocumentRepository(db),
              audit,
              new SealedSecrets(box),
              data.resolve("log"),
              clock);
      ServerCertificate certificate =
          settings.certificate().orElseGet(() -> ServerCertificate.selfSigned(data, clock));
      DocumentRepository documents = new DocumentRepository(db);
      MaintenanceWindows windows = new MaintenanceWindows(documents);
      AlertStore alerts = new AlertStore(documents);
      Predicate<String> exists = connectors::exists;
      MaintenanceRoutes maintenanceRoutes = new MaintenanceRoutes(windows, exists, audit, clock);
      List<Route> extra = new ArrayList<>(maintenanceRoutes.routes());
      extra.addAll(new AlertRoutes(alerts, exists, audit, clock).routes());
      ApiServer server =
          ApiServer.start(
              new ApiServer.Settings(
                  settings.host(), settings.port(), certificate.sslContext(), settings.version()),
              new ApiServer.Services(
                  connectors, keys, audit, maintenanceRoutes::statusOf, extra, clock));
      MaintenanceScheduler scheduler = new MaintenanceScheduler(windows, connectors, clock);
      AlertMonitor monitor = new AlertMonitor(alerts, connectors, clock, settings.alertInterval());
      ControlPlane plane =
          new ControlPlane(db, connectors, server, certificate, adminKey, scheduler, monitor);
      connectors.resumeAll();
      scheduler.tick(); // a connector inside a window does not capture even for a second
      scheduler.start();
      monitor.start();
      server.ready();
      return plane;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  public int port() {
    return server.port();
  }

  public ServerCertificate certificate() {
    return certificate;
  }

  /** The admin key generated on this first start, to show once; empty otherwise. */
  public Optional<String> generatedAdminKey() {
    return generatedAdminKey;
  }

  @Override
  public void close() {
    scheduler.close();
    monitor.close();
    server.close();
    connectors.close();
    database.close();
  }

  /**
   * @param certificate a configured certificate; empty for a self-signed one kept in the data
   *     directory
   */
  public record Settings(
      Path dataDirectory,
      String host,
      int port,
      Optional<ServerCertificate> certificate,
      String version,
      Duration alertInterval) {

    /** The defaults: alert rules evaluated every 5 s. */
    public Settings(
        Path dataDirectory,
        String host,
        int port,
        Optional<ServerCertificate> certificate,
        String version) {
      this(dataDirectory, host, port, certificate, version, Duration.ofSeconds(5));
    }
  }
}

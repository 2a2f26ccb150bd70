package io.tributary.server.connector;

import io.tributary.api.Check;
import io.tributary.api.DiscoveredTable;
import io.tributary.api.FatalException;
import io.tributary.api.RetriableException;
import io.tributary.api.SnapshotRequest;
import io.tributary.api.SourceConnector;
import io.tributary.api.config.ConfigError;
import io.tributary.api.config.ConfigException;
import io.tributary.log.LogDestination;
import io.tributary.server.pipeline.Connectors;
import io.tributary.server.pipeline.PipelineDefinition;
import io.tributary.server.pipeline.PipelineFormat;
import io.tributary.server.pipeline.PipelineLoader;
import io.tributary.server.pipeline.ValidPipeline;
import io.tributary.server.store.AuditLog;
import io.tributary.server.store.ConfigVersion;
import io.tributary.server.store.ConnectorRecord;
import io.tributary.server.store.ConnectorRecord.DesiredState;
import io.tributary.server.store.ConnectorRepository;
import io.tributary.server.store.DocumentRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything the API can do to connectors: validate, create, change (a new version each time), roll
 * back, delete, pause, resume, restart; and bringing them back after a server restart. Each change
 * is stored, audited, then applied to the running connector. Thread-safe.
 */
public final class ConnectorService implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ConnectorService.class.getName());
  private static final String ORIGIN = "body";
  private static final String SYSTEM = "system";
  private static final String SNAPSHOT_REQUEST = "snapshot-request";

  private final Connectors connectors;
  private final PipelineLoader loader;
  private final ConnectorRepository repository;
  private final DocumentRepository documents;
  private final AuditLog audit;
  private final SecretCipher cipher;
  private final Path logDirectory;
  private final Clock clock;
  private final Map<String, ConnectorRuntime> runtimes = new ConcurrentHashMap<>();

  /**
   * @param logDirectory where the streams of connectors whose document names no destination go
   */
  public ConnectorService(
      Connectors connectors,
      PipelineLoader loader,
      ConnectorRepository repository,
      DocumentRepository documents,
      AuditLog audit,
      SecretCipher cipher,
      Path logDirectory,
      Clock clock) {
    this.connectors = connectors;
    this.loader = loader;
    this.repository = repository;
    this.documents = documents;
    this.audit = audit;
    this.cipher = cipher;
    this.logDirectory = logDirectory;
    this.clock = clock;
  }

  public Connectors connectors() {
    return connectors;
  }

  /** Field errors of a document, then, when it has none, the source's prerequisite checks. */
  public Validation validate(Map<String, Object> document) {
    ValidPipeline valid;
    try {
      valid = loader.validator().validate(definition(withAllTablesUnlessChosen(document)));
    } catch (ConfigException e) {
      return new Validation(e.errors(), List.of());
    }
    List<Check> checks = valid.connector().check(valid.source(), valid.name());
    return new Validation(List.of(), checks);
  }

  /**
   * A document whose source chooses no tables yet (the UI's wizard tests the connection before the
   * user picks tables) is checked against every table.
   */
  private static Map<String, Object> withAllTablesUnlessChosen(Map<String, Object> document) {
    if (document.get("source") instanceof Map<?, ?> source
        && (source.get("tables") == null
            || source.get("tables") instanceof List<?> l && l.isEmpty())) {
      Map<String, Object> copy = new LinkedHashMap<>(document);
      copy.put("source", everyTable(source));
      return copy;
    }
    return document;
  }

  /** A copy of {@code source} that captures every table ({@code *.*}), whatever it chose. */
  private static Map<String, Object> everyTable(Map<?, ?> source) {
    Map<String, Object> copy = new LinkedHashMap<>();
    source.forEach((k, v) -> copy.put(String.valueOf(k), v));
    copy.put("tables", List.of("*.*"));
    return copy;
  }

  /**
   * The tables a source could capture. {@code source} needs its connection fields; its tables are
   * ignored.
   */
  public List<DiscoveredTable> discover(Map<String, Object> source) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("name", "discovery");
    document.put("source", everyTable(source));
    ValidPipeline valid = loader.validator().validate(definition(document));
    return valid.connector().discover(valid.source());
  }

  /** Creates a connector from a document and, when asked, starts it. */
  public ConnectorDetails create(Map<String, Object> document, boolean start, String actor) {
    PipelineDefinition definition = definition(document);
    ValidPipeline valid = loader.validator().validate(definition);
    SecretFields secrets = secrets(valid.connector());
    String stored =
        store(definition, secrets.seal(definition.source(), context(definition.name())));
    Instant now = clock.instant();
    DesiredState desired = start ? DesiredState.RUNNING : DesiredState.STOPPED;
    if (!repository.create(
        definition.name(), valid.connector().type(), desired, stored, actor, now)) {
      throw new ConflictException(
          "a connector named '"
              + definition.name()
              + "' exists already; choose another name, or change it with PUT /api/v1/connectors/"
              + definition.name()
              + "/config");
    }
    audit.record(now, actor, "connector.create", target(definition.name()), "version 1");
    ConnectorRuntime runtime = runtime(definition.name());
    if (start) {
      runtime.start(valid);
    }
    return details(definition.name());
  }

  /** Saves a new version of a connector's document; a running connector restarts with it. */
  public ConnectorDetails update(
      String name, Map<String, Object> document, String comment, String actor) {
    ConfigVersion current = repository.current(name).orElseThrow(() -> notFound(name));
    PipelineDefinition incoming = definition(document);
    if (!incoming.name().equals(name)) {
      throw new ConfigException(
          List.of(
              new ConfigError(
                  "name",
                  "is '"
                      + incoming.name()
                      + "' but the connector is '"
                      + name
                      + "'; a connector cannot be renamed: create a new one instead")));
    }
    SecretFields secrets = secrets(incoming.sourceType());
    Map<String, Object> source =
        secrets.keepStored(incoming.source(), storedDefinition(current).source());
    PipelineDefinition merged = new PipelineDefinition(name, source, incoming.destination());
    ValidPipeline valid = loader.validator().validate(opened(merged, secrets));
    String stored = store(merged, secrets.seal(source, context(name)));
    Instant now = clock.instant();
    int version =
        repository
            .addVersion(name, stored, actor, comment == null ? "" : comment, now)
            .orElseThrow(() -> notFound(name));
    audit.record(
        now, actor, "connector.update", target(name), "version " + version + describe(comment));
    applyNewVersion(name, valid);
    return details(name);
  }

  /** Makes an earlier version current again, as a new version. */
  public ConnectorDetails rollback(String name, int version, String actor) {
    ConfigVersion old =
        repository
            .version(name, version)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "connector '"
                            + name
                            + "' has no version "
                            + version
                            + "; list them with GET /api/v1/connectors/"
                            + name
                            + "/versions"));
    ValidPipeline valid = validPipeline(old);
    Instant now = clock.instant();
    int created =
        repository
            .addVersion(name, old.document(), actor, "rollback to version " + version, now)
            .orElseThrow(() -> notFound(name));
    audit.record(
        now,
        actor,
        "connector.rollback",
        target(name),
        "version " + created + " = version " + version);
    applyNewVersion(name, valid);
    return details(name);
  }

  /**
   * Stops a connector and forgets it, its versions too (its streams stay). With {@code dropSlot},
   * also drops what it created on the source (PostgreSQL: replication slot and publication); when
   * that fails, the connector stays, stopped, and the exception says why.
   */
  public void delete(String name, boolean dropSlot, String actor) {
    requireExists(name);
    ValidPipeline pipeline = dropSlot ? currentPipeline(name) : null;
    ConnectorRuntime runtime = runtime(name);
    runtime.hold(ConnectorState.STOPPED, "being deleted");
    if (pipeline != null) {
      try {
        pipeline.connector().cleanup(pipeline.source(), name);
      } catch (FatalException | RetriableException e) {
        repository.setDesired(name, DesiredState.STOPPED);
        throw new ConflictException(
            "connector '" + name + "' is stopped but not deleted: " + e.getMessage());
      }
    }
    runtimes.remove(name);
    repository.delete(name);
    documents.delete(SNAPSHOT_REQUEST, name);
    audit.record(
        clock.instant(),
        actor,
        "connector.delete",
        target(name),
        dropSlot ? "slot and publication dropped" : "");
  }

  public ConnectorStatus pause(String name, String actor) {
    ConnectorRuntime runtime = existing(name);
    ConnectorState state = runtime.status().state();
    if (state == ConnectorState.PAUSED) {
      throw new ConflictException(
          "connector '" + name + "' is paused already; resume it with POST …/resume");
    }
    if (state == ConnectorState.STOPPED || state == ConnectorState.FAILED) {
      throw new ConflictException(
          "connector '" + name + "' is " + state + ", not running; start it with POST …/restart");
    }
    repository.setDesired(name, DesiredState.PAUSED);
    audit.record(clock.instant(), actor, "connector.pause", target(name), "");
    runtime.hold(ConnectorState.PAUSED, "paused by " + actor);
    return runtime.status();
  }

  public ConnectorStatus resume(String name, String actor) {
    ConnectorRuntime runtime = existing(name);
    if (runtime.status().state() == ConnectorState.MAINTENANCE) {
      throw new ConflictException(
          "connector '"
              + name
              + "' is in a maintenance window ("
              + runtime.status().message()
              + "); it resumes by itself when the window ends, or end the window early with POST /api/v1/maintenance-windows/{id}/end");
    }
    if (runtime.status().state() != ConnectorState.PAUSED) {
      throw new ConflictException(
          "connector '"
              + name
              + "' is not paused (it is "
              + runtime.status().state()
              + "); only a paused connector resumes");
    }
    repository.setDesired(name, DesiredState.RUNNING);
    audit.record(clock.instant(), actor, "connector.resume", target(name), "");
    runtime.start(currentPipeline(name));
    return runtime.status();
  }

  /**
   * Holds a connector that should run while a maintenance window covers it: capture stops, the
   * source keeps the changes.
   */
  public void enterMaintenance(String name, Instant until) {
    ConnectorRuntime runtime = runtime(name);
    if (runtime.held() == ConnectorState.MAINTENANCE) {
      return;
    }
    audit.record(
        clock.instant(), SYSTEM, "connector.maintenance.begin", target(name), "until " + until);
    runtime.hold(ConnectorState.MAINTENANCE, "in maintenance until " + until);
  }

  /** Starts a connector again once its maintenance window is over, unless a user paused it. */
  public void exitMaintenance(String name) {
    ConnectorRuntime runtime = runtime(name);
    if (runtime.held() != ConnectorState.MAINTENANCE) {
      return;
    }
    audit.record(clock.instant(), SYSTEM, "connector.maintenance.end", target(name), "");
    runtime.start(currentPipeline(name));
  }

  /**
   * Copies tables again while capture goes on (all captured tables when {@code tables} is empty):
   * the connector restarts and carries the request out once, with watermarks, so changes made
   * meanwhile are neither lost nor overwritten by older rows. A paused connector does it when
   * resumed.
   */
  public ConnectorStatus snapshot(String name, List<String> tables, String actor) {
    ConnectorRuntime runtime = existing(name);
    ValidPipeline pipeline = currentPipeline(name);
    if ("initial_only".equals(pipeline.source().getString("snapshot"))) {
      throw new ConflictException(
          "connector '"
              + name
              + "' has snapshot: initial_only, which does not stream; a re-snapshot needs a streaming connector (snapshot: initial or never)");
    }
    if (!tables.isEmpty()) {
      List<String> known =
          pipeline.connector().discover(pipeline.source()).stream()
              .map(DiscoveredTable::qualifiedName)
              .toList();
      List<ConfigError> unknown = new ArrayList<>();
      for (String t : tables) {
        if (!known.contains(t)) {
          unknown.add(
              new ConfigError(
                  "tables",
                  "no table '"
                      + t
                      + "' in the source; tables are named schema.table, e.g. "
                      + (known.isEmpty() ? "public.orders" : known.getFirst())));
        }
      }
      if (!unknown.isEmpty()) {
        throw new ConfigException(unknown);
      }
    }
    SnapshotRequest request =
        new SnapshotRequest(
            java.util.UUID.randomUUID().toString(), new java.util.TreeSet<>(tables));
    documents.put(
        SNAPSHOT_REQUEST,
        name,
        request.id() + "\n" + String.join(",", request.tables()),
        clock.instant());
    runtime.requestSnapshot(request);
    audit.record(
        clock.instant(),
        actor,
        "connector.snapshot",
        target(name),
        tables.isEmpty() ? "all tables" : String.join(", ", tables));
    if (runtime.held() == null) {
      runtime.restart(pipeline);
    }
    return runtime.status();
  }

  /** Stops (if running) and starts with the current version, whatever the state was. */
  public ConnectorStatus restart(String name, String actor) {
    ConnectorRuntime runtime = existing(name);
    ValidPipeline valid = currentPipeline(name);
    repository.setDesired(name, DesiredState.RUNNING);
    audit.record(clock.instant(), actor, "connector.restart", target(name), "");
    runtime.restart(valid);
    return runtime.status();
  }

  public ConnectorStatus status(String name) {
    return existing(name).status();
  }

  public ConnectorRuntime runtimeOf(String name) {
    return existing(name);
  }

  public ConnectorDetails details(String name) {
    ConnectorRecord r = repository.find(name).orElseThrow(() -> notFound(name));
    ConfigVersion v = repository.current(name).orElseThrow(() -> notFound(name));
    return new ConnectorDetails(
        r.name(),
        r.type(),
        redacted(v),
        r.version(),
        r.createdAt(),
        r.updatedAt(),
        runtime(name).status());
  }

  public List<ConnectorDetails> list() {
    List<ConnectorDetails> all = new ArrayList<>();
    for (ConnectorRecord r : repository.list()) {
      ConfigVersion v = repository.current(r.name()).orElseThrow();
      all.add(
          new ConnectorDetails(
              r.name(),
              r.type(),
              redacted(v),
              r.version(),
              r.createdAt(),
              r.updatedAt(),
              runtime(r.name()).status()));
    }
    return all;
  }

  /** The names of every connector, sorted. */
  public List<String> names() {
    return repository.list().stream().map(ConnectorRecord::name).toList();
  }

  /** Whether a connector of that name exists. */
  public boolean exists(String name) {
    return repository.find(name).isPresent();
  }

  /**
   * Every connector's status by name: what monitors and metrics need, without reading and redacting
   * each connector's document as {@link #list} does.
   */
  public Map<String, ConnectorStatus> statuses() {
    Map<String, ConnectorStatus> all = new java.util.TreeMap<>();
    for (ConnectorRecord r : repository.list()) {
      all.put(r.name(), runtime(r.name()).status());
    }
    return all;
  }

  /** Every version, newest first; documents redacted. */
  public List<ConfigVersion> versions(String name) {
    requireExists(name);
    return repository.versions(name);
  }

  /** One version's document, redacted. */
  public Map<String, Object> versionDocument(String name, int version) {
    ConfigVersion v =
        repository
            .version(name, version)
            .orElseThrow(
                () -> new NotFoundException("connector '" + name + "' has no version " + version));
    return redacted(v);
  }

  /** Brings every stored connector back to what its user last asked for (after a server start). */
  public void resumeAll() {
    for (ConnectorRecord r : repository.list()) {
      ConnectorRuntime runtime = runtime(r.name());
      switch (r.desired()) {
        case RUNNING -> {
          try {
            runtime.start(currentPipeline(r.name()));
          } catch (RuntimeException e) {
            LOG.log(
                Level.WARNING, "{0}: cannot start: {1}", new Object[] {r.name(), e.getMessage()});
          }
        }
        case PAUSED -> runtime.hold(ConnectorState.PAUSED, "paused");
        case STOPPED -> runtime.hold(ConnectorState.STOPPED, null);
      }
    }
  }

  /** The names of every connector that should be running (not paused or stopped by a user). */
  public List<String> wantedRunning() {
    return repository.list().stream()
        .filter(r -> r.desired() == DesiredState.RUNNING)
        .map(ConnectorRecord::name)
        .toList();
  }

  /** Where a connector's streams are: its log directory (which may not exist yet). */
  public Path logDirectory(String name) {
    return LogDestination.directory(currentPipeline(name).destination(), name);
  }

  /** The validated current version, secrets opened, ready to run. */
  public ValidPipeline currentPipeline(String name) {
    return validPipeline(repository.current(name).orElseThrow(() -> notFound(name)));
  }

  /** Stops every running connector, leaving what users asked for unchanged. */
  @Override
  public void close() {
    runtimes.values().parallelStream()
        .forEach(r -> r.hold(ConnectorState.STOPPED, "server stopped"));
  }

  private void applyNewVersion(String name, ValidPipeline valid) {
    ConnectorRuntime runtime = runtime(name);
    if (runtime.held() == null) {
      runtime.restart(valid);
    }
  }

  private void requireExists(String name) {
    if (repository.find(name).isEmpty()) {
      throw notFound(name);
    }
  }

  private ConnectorRuntime existing(String name) {
    requireExists(name);
    return runtime(name);
  }

  private ConnectorRuntime runtime(String name) {
    return runtimes.computeIfAbsent(
        name,
        n -> {
          ConnectorRuntime r = new ConnectorRuntime(n, clock);
          documents
              .get(SNAPSHOT_REQUEST, n)
              .map(ConnectorService::request)
              .ifPresent(r::requestSnapshot);
          return r;
        });
  }

  private static SnapshotRequest request(String stored) {
    String[] lines = stored.split("\n", 2);
    Set<String> tables =
        lines.length < 2 || lines[1].isEmpty() ? Set.of() : Set.of(lines[1].split(","));
    return new SnapshotRequest(lines[0], tables);
  }

  private ValidPipeline validPipeline(ConfigVersion v) {
    PipelineDefinition stored = storedDefinition(v);
    return loader.validator().validate(opened(stored, secrets(stored.sourceType())));
  }

  private PipelineDefinition opened(PipelineDefinition d, SecretFields secrets) {
    return new PipelineDefinition(
        d.name(), secrets.open(d.source(), context(d.name())), d.destination());
  }

  private Map<String, Object> redacted(ConfigVersion v) {
    PipelineDefinition d = storedDefinition(v);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("name", d.name());
    document.put("source", secrets(d.sourceType()).redact(d.source()));
    document.put("destination", d.destination());
    return document;
  }

  private PipelineDefinition storedDefinition(ConfigVersion v) {
    return loader.read(PipelineFormat.JSON.parse(v.document(), "stored version"), "stored version");
  }

  /** The document's definition, with the server's log as destination when it names none. */
  private PipelineDefinition definition(Map<String, Object> document) {
    Map<String, Object> copy = new LinkedHashMap<>(document);
    if (!copy.containsKey("destination") || copy.get("destination") == null) {
      Map<String, Object> log = new LinkedHashMap<>();
      log.put("type", "log");
      log.put("path", logDirectory.toString());
      copy.put("destination", log);
    }
    return loader.read(copy, ORIGIN);
  }

  private static String store(PipelineDefinition definition, Map<String, Object> sealedSource) {
    return PipelineFormat.JSON.write(
        new PipelineDefinition(definition.name(), sealedSource, definition.destination()));
  }

  private SecretFields secrets(SourceConnector connector) {
    return new SecretFields(connector.configSpec(), cipher);
  }

  private SecretFields secrets(String type) {
    SourceConnector connector =
        connectors
            .find(type)
            .orElseThrow(
                () ->
                    new ConfigException(
                        List.of(
                            new ConfigError(
                                "source.type",
                                "unknown type '" + type + "'; known: " + connectors.types()))));
    return secrets(connector);
  }

  private static String context(String name) {
    return "connector/" + name + "/source.";
  }

  private static String target(String name) {
    return "connector/" + name;
  }

  private static String describe(String comment) {
    return comment == null || comment.isBlank() ? "" : ": " + comment;
  }

  private static NotFoundException notFound(String name) {
    return new NotFoundException(
        "no connector named '" + name + "'; list them with GET /api/v1/connectors");
  }
}

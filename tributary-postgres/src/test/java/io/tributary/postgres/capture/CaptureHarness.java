package io.tributary.postgres.capture;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.config.Config;
import io.tributary.engine.pipeline.Pipeline;
import io.tributary.engine.pipeline.PipelineSettings;
import io.tributary.engine.pipeline.PipelineState;
import io.tributary.engine.pipeline.PipelineStatus;
import io.tributary.log.LogDestination;
import io.tributary.postgres.connector.PostgresConnector;
import io.tributary.testkit.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real PostgreSQL pipeline into a real embedded log, in this JVM, and reads the streams back
 * as parsed envelopes.
 */
final class CaptureHarness implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final PostgresServer server;
  final String database;
  final String pipeline;
  final Path logRoot;
  private final Map<String, Object> source = new LinkedHashMap<>();
  private Pipeline running;
  private LogDestination destination;
  private CompletableFuture<PipelineState> result;

  CaptureHarness(PostgresServer server, String database, String pipeline, Path logRoot) {
    this.server = server;
    this.database = database;
    this.pipeline = pipeline;
    this.logRoot = logRoot;
    source.put("host", server.host());
    source.put("port", server.port());
    source.put("database", database);
    source.put("user", PostgresServer.SUPERUSER);
    source.put("password", PostgresServer.PASSWORD);
    source.put("sslmode", "disable");
    source.put("heartbeat_interval", "1s");
    source.put("slot", "s_" + database + "_" + pipeline);
  }

  CaptureHarness set(String field, Object value) {
    source.put(field, value);
    return this;
  }

  Config config() {
    return new PostgresConnector().configSpec().parse(source, "source.");
  }

  void sql(String... statements) throws Exception {
    server.execute(database, statements);
  }

  CaptureHarness start() throws IOException {
    Config config = config();
    PostgresConnector connector = new PostgresConnector();
    destination = LogTestSupport.open(logRoot.resolve(pipeline));
    running =
        new Pipeline(
            pipeline,
            ctx -> connector.createTask(config, ctx),
            destination,
            new PipelineSettings(
                16,
                40_000,
                PipelineSettings.DEFAULT_MAX_QUEUED_BYTES,
                20_000,
                Duration.ofMillis(100),
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                Duration.ofMinutes(1)),
            Clock.systemUTC());
    result = new CompletableFuture<>();
    Pipeline p = running;
    Thread.ofPlatform()
        .name("it-pipeline-" + pipeline)
        .start(
            () -> {
              try {
                result.complete(p.run());
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            });
    return this;
  }

  /** Starts and waits until the snapshot is done and changes stream. */
  CaptureHarness startStreaming() throws IOException {
    start();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> running.status().state() == PipelineState.STREAMING);
    return this;
  }

  PipelineStatus status() {
    return running.status();
  }

  /** Stops the pipeline and closes the log; returns the final state. */
  PipelineState stop() throws Exception {
    running.stop();
    PipelineState s = result.get(30, TimeUnit.SECONDS);
    destination.close();
    return s;
  }

  PipelineState awaitEnd(Duration timeout) throws Exception {
    PipelineState s = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    destination.close();
    return s;
  }

  String stream(String table) {
    return pipeline + "." + table;
  }

  /** Every committed event of a stream, parsed. */
  List<JsonNode> events(String table) {
    List<JsonNode> out = new ArrayList<>();
    for (byte[] value : LogTestSupport.readAll(logRoot.resolve(pipeline), stream(table))) {
      try {
        out.add(JSON.readTree(value));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  List<JsonNode> awaitEvents(String table, int count) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> events(table).size() >= count);
    return events(table);
  }

  static List<String> ops(List<JsonNode> events) {
    return events.stream().map(e -> e.get("op").asText()).toList();
  }

  @Override
  public void close() {
    if (running != null && !result.isDone()) {
      try {
        stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        throw new IllegalStateException("stopping the pipeline failed", e);
      }
    }
  }
}

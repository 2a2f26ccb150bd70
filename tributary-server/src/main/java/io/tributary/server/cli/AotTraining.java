package io.tributary.server.cli;

import io.tributary.api.Batch;
import io.tributary.api.ChangeEvent;
import io.tributary.api.Destination;
import io.tributary.api.EncodedBatch;
import io.tributary.api.Op;
import io.tributary.api.Polled;
import io.tributary.api.Row;
import io.tributary.api.SourceInfo;
import io.tributary.api.SourceTask;
import io.tributary.api.TransactionInfo;
import io.tributary.api.offset.Lsn;
import io.tributary.api.offset.PostgresOffset;
import io.tributary.api.offset.SourceOffset;
import io.tributary.engine.pipeline.Pipeline;
import io.tributary.engine.pipeline.PipelineSettings;
import io.tributary.engine.pipeline.PipelineState;
import io.tributary.postgres.catalog.TableId;
import io.tributary.postgres.event.TableSchema;
import io.tributary.postgres.snapshot.Chunk;
import io.tributary.postgres.snapshot.ChunkCopier;
import io.tributary.postgres.types.TextValueConverter;
import io.tributary.postgres.types.TypeRegistry;
import io.tributary.server.pipeline.ValidPipeline;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A short workload for the JVM's ahead-of-time cache (JDK 25+): {@code ./tributary} runs it once
 * after each build with {@code -XX:AOTCacheOutput}, so that later runs start with the classes of a
 * pipeline run already loaded and linked, and their profiles recorded. It goes through the command
 * line, a pipeline file, a prerequisite check (against a port nobody listens on, to load the
 * PostgreSQL driver's connection path), the engine with both encoding paths, the embedded log, and
 * the streams and tail commands. It touches nothing outside a temporary directory and needs no
 * database.
 */
public final class AotTraining {
  private static final String STREAM = "training.public.orders";
  private static final List<String> COLUMNS = List.of("id", "name", "amount", "created_at");

  private AotTraining() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("tributary-aot-");
    try {
      train(dir);
    } finally {
      deleteTree(dir);
    }
  }

  private static void train(Path dir) throws Exception {
    PrintStream quiet =
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    Terminal terminal = new Terminal(quiet, quiet);
    Path file = pipelineFile(dir);
    expect("--help", Main.execute(terminal, "--help"), ExitCodes.OK);
    // the connection is refused: that is the point, it loads the driver's connection path
    expect("check", Main.execute(terminal, "check", file.toString()), ExitCodes.INVALID);
    ValidPipeline pipeline = Components.loader().load(file);
    try (Destination destination = Components.openDestination(pipeline)) {
      PipelineState state =
          new Pipeline(
                  "training",
                  context -> new TrainingTask(),
                  destination,
                  PipelineSettings.defaults(),
                  Clock.systemUTC())
              .run();
      if (state == PipelineState.FAILED) {
        throw new IllegalStateException("the training pipeline failed");
      }
    }
    String log = file.toString();
    expect("streams", Main.execute(terminal, "streams", "--pipeline", log), ExitCodes.OK);
    expect(
        "tail",
        Main.execute(
            terminal, "tail", "--pipeline", log, STREAM, "--from-beginning", "--no-follow"),
        ExitCodes.OK);
  }

  /** The training stops at the first step that goes wrong: a cache of a broken run is no use. */
  private static void expect(String step, int exit, int expected) {
    if (exit != expected) {
      throw new IllegalStateException(
          "training step '" + step + "' exited with " + exit + ", expected " + expected);
    }
  }

  private static Path pipelineFile(Path dir) throws IOException {
    String yaml =
        """
        name: training
        source:
          type: postgres
          host: 127.0.0.1
          port: %d
          database: training
          user: training
          password: training
          sslmode: disable
          tables: [public.orders]
          connect_timeout: 2s
        destination:
          type: log
          path: %s
        """
            .formatted(closedPort(), dir.resolve("log"));
    return Files.writeString(dir.resolve("training.yaml"), yaml);
  }

  /** A port that was free a moment ago: connecting to it is refused at once. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Batches of decoded events (encoded by the engine), then a snapshot chunk written straight from
   * COPY text, then the end.
   */
  private static final class TrainingTask implements SourceTask {
    private static final int BATCHES = 40;
    private static final int EVENTS = 500;

    private final TableSchema schema =
        TableSchema.of(
            new TableId("public", "orders"),
            STREAM,
            COLUMNS,
            new int[] {20, 25, 1700, 1184},
            new int[] {0});
    private int polled;

    @Override
    public void start(Optional<SourceOffset> committed) {}

    @Override
    public Polled poll(Duration timeout) {
      polled++;
      if (polled <= BATCHES) {
        return Batch.of(changes(polled), offset(polled));
      }
      if (polled == BATCHES + 1) {
        return chunk();
      }
      return new Batch(List.of(), offset(polled), true);
    }

    private List<ChangeEvent> changes(int batch) {
      List<ChangeEvent> events = new ArrayList<>(EVENTS);
      for (int i = 0; i < EVENTS; i++) {
        long id = (long) batch * EVENTS + i;
        Row row =
            Row.of(
                COLUMNS,
                id,
                "customer-" + id,
                BigDecimal.valueOf(id % 10_000, 2),
                "2024-01-01T00:00:00Z");
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("txId", (long) batch);
        position.put("lsn", id);
        SourceInfo source =
            new SourceInfo(
                "postgresql", "training", "training", "public", "orders", 0, "false", position);
        events.add(
            new ChangeEvent(
                STREAM,
                i % 3 == 0 ? Op.CREATE : Op.UPDATE,
                Row.of(List.of("id"), id),
                null,
                row,
                source,
                new TransactionInfo(batch + ":" + id, i + 1, i + 1),
                System.currentTimeMillis(),
                id + ":" + i));
      }
      return events;
    }

    private EncodedBatch chunk() {
      TableId table = new TableId("public", "orders");
      Map<String, Object> position = new LinkedHashMap<>();
      position.put("txId", null);
      position.put("lsn", 1L);
      ChunkCopier copier =
          new ChunkCopier(
              Map.of(table.toString(), schema),
              Map.of(
                  table.toString(),
                  new SourceInfo(
                      "postgresql",
                      "training",
                      "training",
                      "public",
                      "orders",
                      0,
                      "true",
                      position)),
              new TextValueConverter(new TypeRegistry()));
      int[] next = {0};
      try {
        return new EncodedBatch(
            copier
                .encode(
                    new Chunk(table, table, 0, -1),
                    () -> next[0] < 2_000 ? line(next[0]++) : null,
                    System.currentTimeMillis())
                .events(),
            offset(polled),
            false);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    private static byte[] line(int i) {
      return (i
              + "\tcustomer-"
              + i
              + "\t"
              + (i % 100)
              + ".50\t2024-01-01 00:00:0"
              + (i % 10)
              + "+00\n")
          .getBytes(StandardCharsets.UTF_8);
    }

    private static SourceOffset offset(int n) {
      return PostgresOffset.afterSnapshot(new Lsn(n));
    }

    @Override
    public void committed(SourceOffset offset) {}

    @Override
    public void stop() {}

    @Override
    public void close() {}
  }
}

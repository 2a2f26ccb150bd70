package io.tributary.server.cli;

import io.tributary.engine.pipeline.PipelineState;
import io.tributary.log.LogReader;
import io.tributary.server.pipeline.PipelineDefinition;
import io.tributary.server.pipeline.PipelineFormat;
import io.tributary.server.pipeline.ValidPipeline;
import io.tributary.testkit.postgres.PostgresServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tributary quickstart}: a private PostgreSQL with a demo table, a pipeline capturing it, a
 * trickle of changes, and the captured events printed as they arrive. Deletes all of it on exit.
 */
@Command(
    name = "quickstart",
    description = {
      "See Tributary work in a minute: starts a private PostgreSQL with a demo table, captures it,",
      "changes it every second or two, and prints the captured events as they arrive. Deletes it all on exit."
    })
final class QuickstartCommand implements Callable<Integer> {
  private static final String PIPELINE = "shop";
  private static final String STREAM = PIPELINE + "." + QuickstartShop.TABLE;
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  @ParentCommand private Main main;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Stop after this long, e.g. 30s or 5m (default: run until Ctrl-C).")
  private Duration duration;

  @Option(names = "--events", paramLabel = "N", description = "Stop after printing N events.")
  private long events = Long.MAX_VALUE;

  private final AtomicBoolean stopRequested = new AtomicBoolean();

  @Override
  public Integer call() throws Exception {
    if (events < 1 || (duration != null && duration.isZero())) {
      throw CliException.invalid("--events and --duration must be more than 0");
    }
    PrintStream err = main.terminal().err();
    QuickstartGuide.intro(err);
    GracefulShutdown shutdown =
        new GracefulShutdown(() -> stopRequested.set(true), STOP_GRACE, err);
    int exitCode = ExitCodes.FAILED;
    try (QuickstartDirectory dir = QuickstartDirectory.create();
        PostgresServer server = startPostgres();
        QuickstartShop shop = QuickstartShop.create(server, RandomGenerator.getDefault())) {
      exitCode = capture(dir, server, shop, err);
    } finally {
      shutdown.finished(exitCode);
      shutdown.close();
    }
    return exitCode;
  }

  private int capture(
      QuickstartDirectory dir, PostgresServer server, QuickstartShop shop, PrintStream err)
      throws IOException, InterruptedException {
    Path file = writePipeline(dir, server);
    ValidPipeline pipeline = Components.loader().load(file);
    if (!Prerequisites.check(pipeline, err)) {
      throw new CliException(
          ExitCodes.FAILED, "the demo database does not meet the prerequisites (see above)");
    }
    AtomicReference<PipelineState> end = new AtomicReference<>();
    try (PipelineRun run = PipelineRun.open(pipeline)) {
      Thread runner =
          Thread.ofPlatform()
              .name("tributary-pipeline-" + PIPELINE)
              .start(() -> end.set(runQuietly(run)));
      QuickstartGuide.running(
          err, Main.commandName(), file, Components.logDirectory(pipeline), STREAM);
      long printed;
      try (ChangeMaker changes = new ChangeMaker(shop, err, RandomGenerator.getDefault())) {
        printed = printEvents(Components.logDirectory(pipeline), deadline(() -> end.get() != null));
      } finally {
        run.stop();
        runner.join();
      }
      if (end.get() == PipelineState.FAILED) {
        throw new CliException(
            ExitCodes.FAILED, "the pipeline failed: " + run.status().lastError());
      }
      QuickstartGuide.done(err, printed);
      return ExitCodes.OK;
    }
  }

  private long printEvents(Path logDirectory, BooleanSupplier stopped)
      throws IOException, InterruptedException {
    try (LogReader reader = LogReader.open(logDirectory)) {
      while (!reader.streams().contains(STREAM)) {
        if (stopped.getAsBoolean()) {
          return 0;
        }
        reader.awaitCommit(Duration.ofMillis(200));
      }
      StreamPrinter printer = new StreamPrinter(reader, STREAM, main.terminal().out(), 0);
      printer.print(StreamPrinter.FOREVER, events, stopped);
      return printer.printed();
    }
  }

  /** Stop when asked (Ctrl-C), when the pipeline ended, or when --duration has passed. */
  private BooleanSupplier deadline(BooleanSupplier pipelineEnded) {
    long start = System.nanoTime();
    long limit = duration == null ? Long.MAX_VALUE : duration.toNanos();
    return () ->
        stopRequested.get() || pipelineEnded.getAsBoolean() || System.nanoTime() - start >= limit;
  }

  private static PostgresServer startPostgres() {
    try {
      return PostgresServer.builder().start();
    } catch (RuntimeException e) {
      throw new CliException(
          ExitCodes.FAILED, "cannot start the demo's private PostgreSQL: " + e.getMessage(), e);
    }
  }

  private static PipelineState runQuietly(PipelineRun run) {
    try {
      return run.run();
    } catch (InterruptedException e) {
      return PipelineState.STOPPED;
    }
  }

  private static Path writePipeline(QuickstartDirectory dir, PostgresServer server)
      throws IOException {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("type", "postgres");
    source.put("host", server.host());
    source.put("port", server.port());
    source.put("database", QuickstartShop.DATABASE);
    source.put("user", server.superuserUser());
    source.put("password", server.password());
    source.put("tables", List.of(QuickstartShop.TABLE));
    source.put("snapshot", "initial");
    Map<String, Object> destination = new LinkedHashMap<>();
    destination.put("type", "log");
    destination.put("path", dir.data().toString());
    String yaml = PipelineFormat.YAML.write(new PipelineDefinition(PIPELINE, source, destination));
    return Files.writeString(dir.path().resolve(PIPELINE + ".yaml"), yaml);
  }
}

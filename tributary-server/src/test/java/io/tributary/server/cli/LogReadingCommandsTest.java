package io.tributary.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.log.LogSettings;
import io.tributary.log.LogWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LogReadingCommandsTest {
  private static final String ORDERS = "shop.public.orders";

  @TempDir Path data;
  private Path log;
  private LogWriter writer;
  private int written;

  @BeforeEach
  void writeALog() throws IOException {
    log = data.resolve("shop");
    writer = LogWriter.open(log, LogSettings.defaults());
    append(ORDERS, 3);
    append("shop.public.customers", 1);
  }

  @AfterEach
  void closeTheWriter() {
    writer.close();
  }

  @Test
  void tailFromTheBeginningWithoutFollowingPrintsEveryEnvelopeAsALine() {
    CliRun run =
        CliRun.of("tail", "--data", log.toString(), "--from-beginning", "--no-follow", ORDERS);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n");
  }

  @Test
  void tailStartsAtTheEndByDefault() {
    CliRun run = CliRun.of("tail", "--data", log.toString(), "--no-follow", ORDERS);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
  }

  @Test
  void tailStartsAtAnOffsetAndStopsAfterMax() {
    assertThat(
            CliRun.of("tail", "--data", log.toString(), "--offset", "1", "--no-follow", ORDERS)
                .out())
        .isEqualTo("{\"n\":1}\n{\"n\":2}\n");
    assertThat(
            CliRun.of("tail", "--data", log.toString(), "--from-beginning", "--max", "2", ORDERS)
                .out())
        .isEqualTo("{\"n\":0}\n{\"n\":1}\n");
  }

  @Test
  void tailFollowsEventsCommittedAfterItStarted() throws Exception {
    CompletableFuture<CliRun> tail =
        CompletableFuture.supplyAsync(
            () -> CliRun.of("tail", "--data", log.toString(), "--max", "2", ORDERS));
    Thread.sleep(500);

    append(ORDERS, 2);

    CliRun run = tail.get(20, TimeUnit.SECONDS);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("{\"n\":3}\n{\"n\":4}\n");
  }

  @Test
  void tailFromTheBeginningKeepsFollowingPastTheEndItStartedAt() throws Exception {
    CompletableFuture<CliRun> tail =
        CompletableFuture.supplyAsync(
            () ->
                CliRun.of(
                    "tail", "--data", log.toString(), "--from-beginning", "--max", "4", ORDERS));
    Thread.sleep(500);

    append(ORDERS, 1);

    CliRun run = tail.get(20, TimeUnit.SECONDS);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).hasLineCount(4).endsWith("{\"n\":3}\n");
  }

  @Test
  void tailOfAnUnknownStreamListsTheStreams() {
    CliRun run = CliRun.of("tail", "--data", log.toString(), "shop.public.order");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("no stream 'shop.public.order'", ORDERS, "shop.public.customers");
  }

  @Test
  void dataMayNameTheDirectoryAboveASinglePipelinesLog() {
    CliRun run =
        CliRun.of("tail", "--data", data.toString(), "--from-beginning", "--no-follow", ORDERS);

    assertThat(run.out()).hasLineCount(3);
  }

  @Test
  void tailFindsTheLogThroughThePipelineFileWithoutItsSecrets() throws IOException {
    Path file =
        Files.writeString(
            data.resolve("shop.yaml"),
            """
        name: shop
        source: {type: postgres, database: shop, user: u, password: "${env:TRIBUTARY_TEST_UNSET}", tables: [t]}
        destination: {type: log, path: %s}
        """
                .formatted(data));

    CliRun run =
        CliRun.of("tail", "--pipeline", file.toString(), "--from-beginning", "--no-follow", ORDERS);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).hasLineCount(3);
  }

  @Test
  void streamsListsEveryStreamWithItsEventCount() {
    CliRun run = CliRun.of("streams", "--data", log.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().toList())
        .hasSize(3)
        .satisfiesExactly(
            header -> assertThat(header).startsWith("STREAM").contains("EVENTS"),
            customers -> assertThat(customers).startsWith("shop.public.customers").contains(" 1 "),
            orders -> assertThat(orders).startsWith(ORDERS).contains(" 3 "));
  }

  @Test
  void aMissingLogIsAnErrorThatSaysToRunThePipeline() throws IOException {
    Path file =
        Files.writeString(
            data.resolve("other.yaml"),
            "name: other\nsource: {type: postgres}\ndestination: {path: " + data + "}\n");

    CliRun run = CliRun.of("streams", "--pipeline", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("has no log at", "run " + file);
  }

  private void append(String stream, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      int n = stream.equals(ORDERS) ? written++ : 0;
      writer.append(stream, 1000 + n, null, ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8));
    }
    writer.commit("position-" + written);
  }
}

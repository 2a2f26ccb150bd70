package io.tributary.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.api.Batch;
import io.tributary.api.EncodedEvent;
import io.tributary.api.FatalException;
import io.tributary.api.SourceTask;
import io.tributary.api.offset.SourceOffset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PipelineTest {
  private static final PipelineSettings FAST =
      new PipelineSettings(
          4,
          1000,
          PipelineSettings.DEFAULT_MAX_QUEUED_BYTES,
          100,
          Duration.ofMillis(10),
          Duration.ofMillis(10),
          Duration.ofMillis(50),
          Duration.ofMinutes(1));

  @Test
  void writesEveryEventOnceAndInOrderAcrossATransientFailure() throws Exception {
    MemoryDestination dest = new MemoryDestination(Integer.MAX_VALUE);
    AtomicInteger failures = new AtomicInteger(1);
    Pipeline p =
        new Pipeline(
            "p",
            ctx -> new ScriptedSource(50, 20, failures, new AtomicInteger()),
            dest,
            FAST,
            Clock.systemUTC());
    CompletableFuture<PipelineState> run = runAsync(p);
    await().atMost(Duration.ofSeconds(10)).until(() -> dest.events.size() == 50);
    p.stop();
    assertThat(run.get()).isEqualTo(PipelineState.STOPPED);
    assertThat(numbers(dest.events))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
    assertThat(p.status().retries()).isEqualTo(1);
    assertThat(p.status().lastError()).contains("connection lost at 20");
  }

  @Test
  void failsWithTheFatalErrorsMessage() throws Exception {
    MemoryDestination dest = new MemoryDestination(Integer.MAX_VALUE);
    Pipeline p = new Pipeline("p", ctx -> failingOnStart(), dest, FAST, Clock.systemUTC());
    assertThat(p.run()).isEqualTo(PipelineState.FAILED);
    assertThat(p.status().lastError()).isEqualTo("password authentication failed");
  }

  @Test
  void boundsWhatIsPolledAheadOfASlowDestination() throws Exception {
    MemoryDestination dest = new MemoryDestination(0);
    AtomicInteger polled = new AtomicInteger();
    Pipeline p =
        new Pipeline(
            "p",
            ctx -> new ScriptedSource(10_000, -1, new AtomicInteger(), polled),
            dest,
            FAST,
            Clock.systemUTC());
    CompletableFuture<PipelineState> run = runAsync(p);
    await().atMost(Duration.ofSeconds(5)).until(() -> polled.get() > 0);
    Thread.sleep(300);
    // queue capacity + the group the writer holds + the batch the source is offering
    assertThat(polled.get()).isLessThanOrEqualTo(FAST.queueCapacity() + FAST.queueCapacity() + 2);
    dest.permits.release(Integer.MAX_VALUE / 2);
    await().atMost(Duration.ofSeconds(10)).until(() -> dest.events.size() == 10_000);
    p.stop();
    assertThat(run.get()).isEqualTo(PipelineState.STOPPED);
  }

  @Test
  void tellsTheSourceWhatIsDurable() throws Exception {
    MemoryDestination dest = new MemoryDestination(Integer.MAX_VALUE);
    ScriptedSource source = new ScriptedSource(5, -1, new AtomicInteger(), new AtomicInteger());
    Pipeline p = new Pipeline("p", ctx -> source, dest, FAST, Clock.systemUTC());
    CompletableFuture<PipelineState> run = runAsync(p);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> ScriptedSource.offset(5).equals(source.lastCommitted));
    p.stop();
    run.get();
    assertThat(dest.committedOffset()).contains(ScriptedSource.offset(5));
  }

  private static final Pattern AFTER_N = Pattern.compile("\"after\":\\{\"n\":(\\d+)}");

  private static List<Long> numbers(List<EncodedEvent> events) {
    return events.stream()
        .map(
            e -> {
              Matcher m = AFTER_N.matcher(new String(e.value(), StandardCharsets.UTF_8));
              assertThat(m.find()).isTrue();
              return Long.parseLong(m.group(1));
            })
        .toList();
  }

  private static CompletableFuture<PipelineState> runAsync(Pipeline p) {
    CompletableFuture<PipelineState> f = new CompletableFuture<>();
    Thread.ofPlatform()
        .start(
            () -> {
              try {
                f.complete(p.run());
              } catch (Throwable t) {
                f.completeExceptionally(t);
              }
            });
    return f;
  }

  private static SourceTask failingOnStart() {
    return new SourceTask() {
      @Override
      public void start(Optional<SourceOffset> committed) {
        throw new FatalException("password authentication failed");
      }

      @Override
      public Batch poll(Duration timeout) {
        return null;
      }

      @Override
      public void committed(SourceOffset offset) {}

      @Override
      public void stop() {}

      @Override
      public void close() {}
    };
  }
}

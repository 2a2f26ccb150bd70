package io.tributary.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writer process with SIGKILL while it appends and commits, and checks that reopening finds
 * exactly the last commit; meanwhile reads the log from this process, as {@code tributary tail}
 * would.
 */
class KilledWriterTest {

  @TempDir Path dir;

  @Test
  @Timeout(120)
  void holdsExactlyTheLastCommitAfterKillNine() throws Exception {
    long previousTotal = 0;
    for (int round = 0; round < 3; round++) {
      Process child = startWriter();
      try (LogReader reader = LogReader.open(dir)) {
        long progressTarget = previousTotal + 20_000;
        while (total(reader) < progressTarget) {
          assertThat(child.isAlive()).as("writer process alive").isTrue();
          reader.awaitCommit(Duration.ofMillis(100));
          checkEveryCommittedRecord(reader);
        }
        assertThatThrownBy(() -> LogWriter.open(dir, LogSettings.defaults()))
            .isInstanceOf(LogLockedException.class);
        Thread.sleep(50 + round * 40L);
      } finally {
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }

      try (LogWriter writer = LogWriter.open(dir, LogSettings.defaults())) {
        String position = writer.committedPosition().orElseThrow();
        long total = Long.parseLong(position.substring("total=".length()));
        long sum = 0;
        for (String stream : CrashingWriter.STREAMS) {
          sum += writer.endOffset(stream);
        }
        assertThat(sum).isEqualTo(total).isGreaterThan(previousTotal);
        previousTotal = total;
      }
      try (LogReader reader = LogReader.open(dir)) {
        checkEveryCommittedRecord(reader);
      }
    }
  }

  private Process startWriter() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            CrashingWriter.class.getName(),
            dir.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static long total(LogReader reader) throws Exception {
    return reader.committedPosition().map(p -> Long.parseLong(p.substring(6))).orElse(0L);
  }

  /** Every record below each stream's committed end is there, in order, with its own content. */
  private static void checkEveryCommittedRecord(LogReader reader) throws Exception {
    for (String stream : CrashingWriter.STREAMS) {
      List<LogRecord> records = Fixtures.readAll(reader, stream, 0);
      for (int i = 0; i < records.size(); i++) {
        LogRecord r = records.get(i);
        if (r.offset() != i
            || !java.util.Arrays.equals(r.value(), CrashingWriter.value(stream, i))) {
          throw new AssertionError(stream + ": bad record at " + i + ": " + r);
        }
      }
    }
  }
}

package io.tributary.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.process.ChildJvm;
import io.tributary.testkit.process.OsProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Servers must not outlive the JVM that started them, however that JVM ends. */
@Timeout(120)
class ServerCleanupIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void aTerminatedJvmStopsItsServerAndDeletesItsFiles() throws Exception {
    try (ChildJvm owner = ChildJvm.builder(OrphanServerMain.class).start()) {
      Path dataDir = startedDataDir(owner);
      OsProcess postmaster = postmasterOf(dataDir);

      owner.terminate();

      assertThat(owner.waitFor(WAIT)).isEqualTo(128 + 15);
      assertThat(postmaster.isRunning()).isFalse();
      assertThat(dataDir.getParent()).doesNotExist();
    }
  }

  @Test
  void theNextServerReapsOneOrphanedByAJvmKilledWithSigkill() throws Exception {
    Path dataDir;
    OsProcess orphan;
    try (ChildJvm owner = ChildJvm.builder(OrphanServerMain.class).start()) {
      dataDir = startedDataDir(owner);
      orphan = postmasterOf(dataDir);

      owner.kill9();
      owner.waitFor(WAIT);
    }
    assertThat(orphan.isRunning())
        .as("pg_ctl detaches the postmaster, so it outlives its JVM")
        .isTrue();

    try (PostgresServer next = PostgresServer.builder().start()) {
      assertThat(next.isRunning()).isTrue();
    }

    assertThat(orphan.isRunning()).isFalse();
    assertThat(dataDir.getParent()).doesNotExist();
  }

  private static Path startedDataDir(ChildJvm owner) throws Exception {
    return Path.of(
        owner.awaitStdoutLine(line -> line.startsWith("data="), WAIT).substring("data=".length()));
  }

  private static OsProcess postmasterOf(Path dataDir) throws IOException {
    return new OsProcess(
        Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0)));
  }
}

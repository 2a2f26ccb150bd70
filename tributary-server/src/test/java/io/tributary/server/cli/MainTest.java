package io.tributary.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  @Test
  void versionPrintsTheVersion() {
    CliRun run = CliRun.of("version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("tributary 0.1.0");
  }

  @Test
  void everySubcommandHasHelp() {
    for (String command :
        new String[] {"run", "check", "tail", "streams", "quickstart", "version"}) {
      CliRun run = CliRun.of(command, "--help");
      assertThat(run.exitCode()).as(command).isZero();
      assertThat(run.out()).as(command).contains("Usage: tributary " + command);
    }
  }

  @Test
  void aMissingPipelineFileIsAConfigurationErrorWithoutAStackTrace() {
    CliRun run = CliRun.of("run", dir.resolve("absent.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("absent.yaml: no such file").doesNotContain("at io.tributary");
  }

  @Test
  void verboseAddsTheStackTrace() {
    CliRun run = CliRun.of("check", "--verbose", dir.resolve("absent.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("at io.tributary");
  }

  @Test
  void badUsageExitsWith2() {
    assertThat(CliRun.of("tail", "stream").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("nonsense").exitCode()).isEqualTo(2);
  }
}

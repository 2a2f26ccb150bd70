package io.tributary.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OsProcessTest {

  @Test
  void thisJvmIsRunning() {
    assertThat(new OsProcess(ProcessHandle.current().pid()).isRunning()).isTrue();
  }

  @Test
  void anExitedProcessIsNotRunning() throws Exception {
    Process process = new ProcessBuilder("true").start();
    process.waitFor(10, TimeUnit.SECONDS);

    assertThat(new OsProcess(process.pid()).isRunning()).isFalse();
  }

  @Test
  void killTreeKillsTheProcessAndItsDescendants() throws Exception {
    Process shell = new ProcessBuilder("sh", "-c", "sleep 300 & sleep 300; wait").start();
    OsProcess root = new OsProcess(shell.pid());
    awaitDescendants(shell, 2);
    List<OsProcess> children =
        shell.descendants().map(handle -> new OsProcess(handle.pid())).toList();

    assertThat(root.killTree(Duration.ofSeconds(10))).isTrue();

    assertThat(root.isRunning()).isFalse();
    assertThat(children).noneMatch(OsProcess::isRunning);
    assertThat(shell.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(shell.exitValue()).isEqualTo(128 + 9);
  }

  @Test
  void rejectsImpossiblePids() {
    assertThatThrownBy(() -> new OsProcess(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void awaitDescendants(Process process, int count) throws InterruptedException {
    while (process.descendants().count() < count) {
      Thread.sleep(10);
    }
  }
}

package io.tributary.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ChildJvmTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void passesArgumentsOptionsEnvironmentAndWorkingDirectory(@TempDir Path dir) throws Exception {
    try (ChildJvm child =
        ChildJvm.builder(ChildMain.class)
            .args("exit", "3")
            .jvmOptions("-Dchild.property=from-parent")
            .env("CHILD_JVM_TEST", "hello")
            .workingDir(dir)
            .start()) {
      assertThat(child.waitFor(WAIT)).isEqualTo(3);
      assertThat(child.stdout().completeLines())
          .contains(
              "args=exit,3",
              "env=hello",
              "property=from-parent",
              "dir=" + dir.toRealPath(),
              "ready");
      assertThat(child.stderr().content()).contains("this goes to stderr");
    }
  }

  @Test
  void kill9EndsTheChildWithoutShutdownHooks() throws Exception {
    try (ChildJvm child = ChildJvm.builder(ChildMain.class).args("wait").start()) {
      child.awaitStdoutLine("ready"::equals, WAIT);

      child.kill9();

      assertThat(child.waitFor(WAIT)).isEqualTo(128 + 9);
      assertThat(child.isAlive()).isFalse();
      assertThat(child.stdout().content()).doesNotContain("shutdown hook ran");
    }
  }

  @Test
  void terminateLetsTheChildRunShutdownHooks() throws Exception {
    try (ChildJvm child = ChildJvm.builder(ChildMain.class).args("wait").start()) {
      child.awaitStdoutLine("ready"::equals, WAIT);

      child.terminate();

      assertThat(child.waitFor(WAIT)).isEqualTo(128 + 15);
      assertThat(child.stdout().completeLines()).contains("shutdown hook ran");
    }
  }

  @Test
  void awaitingStderrFindsTheLine() throws Exception {
    try (ChildJvm child = ChildJvm.builder(ChildMain.class).args("wait").start()) {
      assertThat(child.awaitStderrLine(line -> line.contains("stderr"), WAIT))
          .isEqualTo("this goes to stderr");
    }
  }

  @Test
  void awaitingALineTheChildNeverPrintsTimesOutWithItsOutput() throws Exception {
    try (ChildJvm child = ChildJvm.builder(ChildMain.class).args("wait").start()) {
      child.awaitStdoutLine("ready"::equals, WAIT);

      assertThatThrownBy(() -> child.awaitStdoutLine("never"::equals, Duration.ofMillis(300)))
          .isInstanceOf(TimeoutException.class)
          .hasMessageContaining("args=wait");
    }
  }

  @Test
  void awaitingALineFailsFastWhenTheChildExits() throws Exception {
    try (ChildJvm child = ChildJvm.builder(ChildMain.class).args("exit", "0").start()) {
      assertThatThrownBy(() -> child.awaitStdoutLine("never"::equals, WAIT))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("exited with 0");
    }
  }

  @Test
  void waitingForARunningChildTimesOutAndLeavesItRunning() throws Exception {
    try (ChildJvm child = ChildJvm.builder(ChildMain.class).args("wait").start()) {
      assertThatThrownBy(() -> child.waitFor(Duration.ofMillis(200)))
          .isInstanceOf(TimeoutException.class);
      assertThat(child.isAlive()).isTrue();
    }
  }

  @Test
  void closeKillsTheChildAndDeletesItsOutput() throws Exception {
    ChildJvm child = ChildJvm.builder(ChildMain.class).args("wait").start();
    child.awaitStdoutLine("ready"::equals, WAIT);

    child.close();

    assertThat(child.isAlive()).isFalse();
    assertThat(child.stdout().path()).doesNotExist();
    assertThat(child.stderr().path()).doesNotExist();
  }
}

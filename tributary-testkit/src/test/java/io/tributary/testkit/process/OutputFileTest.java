package io.tributary.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {

  @TempDir Path dir;

  @Test
  void aFileNotWrittenYetIsEmpty() {
    OutputFile file = new OutputFile(dir.resolve("missing.log"));

    assertThat(file.content()).isEmpty();
    assertThat(file.completeLines()).isEmpty();
    assertThat(file.tail(5)).isEmpty();
  }

  @Test
  void completeLinesLeaveOutTheLineStillBeingWritten() throws Exception {
    Path path = Files.writeString(dir.resolve("out.log"), "one\ntwo\nthr");

    assertThat(new OutputFile(path).completeLines()).containsExactly("one", "two");
  }

  @Test
  void tailKeepsTheLastLines() throws Exception {
    Path path = Files.writeString(dir.resolve("out.log"), "1\n2\n3\n4\n");

    assertThat(new OutputFile(path).tail(2)).isEqualTo("3\n4");
    assertThat(new OutputFile(path).tail(10)).isEqualTo("1\n2\n3\n4");
  }
}

package io.tributary.log.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointScannerTest {

  @TempDir Path dir;

  private static Checkpoint checkpoint(long sequence) {
    return new Checkpoint(
        sequence, 1000 + sequence, "pos-" + sequence, Map.of("a", sequence * 10, "b.é", sequence));
  }

  @Test
  void findsTheLatestCheckpointAndThenOnlyReadsWhatIsNew() throws Exception {
    CheckpointScanner scanner = new CheckpointScanner(CheckpointFile.path(dir));
    assertThat(scanner.refresh()).isFalse();
    assertThat(scanner.latest()).isEmpty();

    try (CheckpointFile file = CheckpointFile.rewrite(dir, Optional.of(checkpoint(1)))) {
      assertThat(scanner.refresh()).isTrue();
      assertThat(scanner.latest()).contains(checkpoint(1));
      assertThat(scanner.refresh()).isFalse();

      file.append(checkpoint(2));
      file.append(checkpoint(3));
      assertThat(scanner.refresh()).isTrue();
      assertThat(scanner.latest()).contains(checkpoint(3));
    }
  }

  @Test
  void ignoresATornLastRecordUntilItIsComplete() throws Exception {
    try (CheckpointFile file = CheckpointFile.rewrite(dir, Optional.of(checkpoint(1)))) {
      file.append(checkpoint(2));
    }
    Path path = CheckpointFile.path(dir);
    byte[] third = CheckpointCodec.encode(checkpoint(3)).array();
    Files.write(path, java.util.Arrays.copyOf(third, third.length - 4), StandardOpenOption.APPEND);

    CheckpointScanner scanner = new CheckpointScanner(path);
    scanner.refresh();
    assertThat(scanner.latest()).contains(checkpoint(2));

    Files.write(
        path,
        java.util.Arrays.copyOfRange(third, third.length - 4, third.length),
        StandardOpenOption.APPEND);
    assertThat(scanner.refresh()).isTrue();
    assertThat(scanner.latest()).contains(checkpoint(3));
  }

  @Test
  void stopsAtTheFirstRecordFailingItsCrc() throws Exception {
    try (CheckpointFile file = CheckpointFile.rewrite(dir, Optional.of(checkpoint(1)))) {
      file.append(checkpoint(2));
      file.append(checkpoint(3));
    }
    Path path = CheckpointFile.path(dir);
    byte[] bytes = Files.readAllBytes(path);
    int thirdStart = bytes.length - CheckpointCodec.encode(checkpoint(3)).remaining();
    int secondStart = thirdStart - CheckpointCodec.encode(checkpoint(2)).remaining();
    bytes[secondStart + 12] ^= 0x40;
    Files.write(path, bytes);

    CheckpointScanner scanner = new CheckpointScanner(path);
    scanner.refresh();

    assertThat(scanner.latest()).contains(checkpoint(1));
  }

  @Test
  void noticesTheFileReplacedByACompaction() throws Exception {
    CheckpointScanner scanner = new CheckpointScanner(CheckpointFile.path(dir));
    try (CheckpointFile file = CheckpointFile.rewrite(dir, Optional.of(checkpoint(1)))) {
      for (long s = 2; s <= 20; s++) {
        file.append(checkpoint(s));
      }
      scanner.refresh();
      assertThat(scanner.latest()).contains(checkpoint(20));
      long before = file.size();

      file.compact(checkpoint(20));
      file.append(checkpoint(21));

      assertThat(file.size()).isLessThan(before);
      assertThat(scanner.refresh()).isTrue();
      assertThat(scanner.latest()).contains(checkpoint(21));
    }
  }

  @Test
  void rejectsAFileThatIsNotACheckpointFile() throws IOException {
    Files.writeString(CheckpointFile.path(dir), "hello, this is not a checkpoint file");

    assertThatThrownBy(() -> new CheckpointScanner(CheckpointFile.path(dir)).refresh())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is not a Tributary checkpoint file");
  }
}

package io.tributary.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The AOT training workload runs to its end without a database and leaves nothing behind. */
class AotTrainingTest {

  @Test
  void runsThroughWithoutADatabaseAndCleansUp() throws Exception {
    Set<Path> before = trainingDirectories();

    AotTraining.main(new String[0]);

    assertThat(trainingDirectories()).isEqualTo(before);
  }

  private static Set<Path> trainingDirectories() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> entries = Files.list(tmp)) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("tributary-aot-"))
          .collect(Collectors.toSet());
    }
  }
}

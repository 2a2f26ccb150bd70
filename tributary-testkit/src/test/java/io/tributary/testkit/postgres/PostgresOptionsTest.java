package io.tributary.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresOptionsTest {

  @TempDir Path dir;

  @Test
  void missingBinariesSayWhatToInstall() {
    assertThatThrownBy(() -> PostgresServer.builder().binDir(dir.resolve("nowhere")).start())
        .isInstanceOf(PostgresServerException.class)
        .hasMessageContaining("install postgresql-15")
        .hasMessageContaining("initdb")
        .hasMessageContaining("tributary.pg.bin");
  }

  @Test
  void aBinDirWithSomeToolsMissingNamesThem() throws Exception {
    Path bin = FakeBinaries.in(dir);
    Files.delete(bin.resolve("psql"));

    assertThatThrownBy(() -> PostgresServer.builder().binDir(bin).options())
        .hasMessageContaining("[psql]");
  }

  @Test
  void keepsExtraSettingsInOrder() throws Exception {
    PostgresOptions options =
        PostgresServer.builder()
            .binDir(FakeBinaries.in(dir))
            .setting("wal_level", "replica")
            .setting("work_mem", "8MB")
            .options();

    assertThat(options.settings())
        .containsExactly(entry("wal_level", "replica"), entry("work_mem", "8MB"));
  }

  @Test
  void rejectsMalformedSettingNames() throws Exception {
    PostgresServer.Builder builder =
        PostgresServer.builder().binDir(FakeBinaries.in(dir)).setting("wal level", "x");

    assertThatThrownBy(builder::options)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wal level");
  }

  @Test
  void rejectsSettingsTheTestkitChooses() throws Exception {
    PostgresServer.Builder builder =
        PostgresServer.builder().binDir(FakeBinaries.in(dir)).setting("port", "5432");

    assertThatThrownBy(builder::options)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port");
  }

  @Test
  void rejectsMultiLineValues() throws Exception {
    PostgresServer.Builder builder =
        PostgresServer.builder()
            .binDir(FakeBinaries.in(dir))
            .setting("work_mem", "1MB\nfsync = off");

    assertThatThrownBy(builder::options).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsANonPositiveStartTimeout() throws Exception {
    PostgresServer.Builder builder =
        PostgresServer.builder().binDir(FakeBinaries.in(dir)).startTimeout(Duration.ZERO);

    assertThatThrownBy(builder::options).isInstanceOf(IllegalArgumentException.class);
  }
}

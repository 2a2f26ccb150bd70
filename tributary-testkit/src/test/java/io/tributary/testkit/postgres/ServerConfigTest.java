package io.tributary.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

  @TempDir Path dir;

  @Test
  void defaultsEnableLogicalDecodingAndTradeDurabilityForSpeed() throws Exception {
    String conf = render(PostgresServer.builder().binDir(FakeBinaries.in(dir)));

    assertThat(conf)
        .contains(
            "listen_addresses = '127.0.0.1'",
            "port = '5555'",
            "unix_socket_directories = '/tmp/sock'",
            "wal_level = 'logical'",
            "max_replication_slots = '20'",
            "max_wal_senders = '20'",
            "fsync = 'off'",
            "synchronous_commit = 'off'",
            "full_page_writes = 'off'",
            "shared_buffers = '128MB'",
            "ssl = 'on'");
  }

  @Test
  void durableTurnsFlushingBackOn() throws Exception {
    String conf = render(PostgresServer.builder().binDir(FakeBinaries.in(dir)).durable(true));

    assertThat(conf)
        .contains("fsync = 'on'", "synchronous_commit = 'on'", "full_page_writes = 'on'");
  }

  @Test
  void extraSettingsReplaceDefaults() throws Exception {
    String conf =
        render(
            PostgresServer.builder().binDir(FakeBinaries.in(dir)).setting("wal_level", "replica"));

    assertThat(conf).contains("wal_level = 'replica'").doesNotContain("logical");
  }

  @Test
  void quotesAndBackslashesAreEscaped() throws Exception {
    String conf =
        render(
            PostgresServer.builder()
                .binDir(FakeBinaries.in(dir))
                .setting("application_name", "it's a \\ test"));

    assertThat(conf).contains("application_name = 'it''s a \\\\ test'");
  }

  private static String render(PostgresServer.Builder builder) {
    return new ServerConfig(builder.options(), 5555, Path.of("/tmp/sock")).render();
  }
}

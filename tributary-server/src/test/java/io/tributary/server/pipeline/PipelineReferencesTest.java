package io.tributary.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.config.ConfigError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ${env:…} and ${file:…} references, as the loader resolves them. */
class PipelineReferencesTest {
  private static final Map<String, String> ENV =
      Map.of("SHOP_PG_PASSWORD", "s3cret", "PG_HOST", "db.local");

  @TempDir Path dir;

  private final PipelineLoader loader =
      new PipelineLoader(
          new PipelineValidator(
              Connectors.of(new FakeConnector()),
              FakeConnector.LOG_SPEC,
              new ReferenceResolver(ENV::get, Path.of(""))));

  @Test
  void keepsReferencesUnresolvedInTheDefinition() throws IOException {
    ValidPipeline p = loader.load(write(minimal("password: ${env:SHOP_PG_PASSWORD}")));

    assertThat(p.definition().source()).containsEntry("password", "${env:SHOP_PG_PASSWORD}");
  }

  @Test
  void resolvesReferencesInsideLongerStrings() throws IOException {
    ValidPipeline p =
        loader.load(write(minimal("password: pre-${env:SHOP_PG_PASSWORD}-${env:PG_HOST}")));

    assertThat(p.source().getString("password")).isEqualTo("pre-s3cret-db.local");
  }

  @Test
  void resolvesFileReferencesWithoutTheTrailingNewline() throws IOException {
    Path secret = Files.writeString(dir.resolve("pg-password"), "from-file\n");

    ValidPipeline p = loader.load(write(minimal("password: ${file:" + secret + "}")));

    assertThat(p.source().getString("password")).isEqualTo("from-file");
  }

  @Test
  void resolvesRelativeFileReferencesFromThePipelineFilesDirectory() throws IOException {
    Files.writeString(dir.resolve("pg-password"), "relative\r\n");

    ValidPipeline p = loader.load(write(minimal("password: ${file:pg-password}")));

    assertThat(p.source().getString("password")).isEqualTo("relative");
  }

  @Test
  void resolvesReferencesInListsAndInTheDestination() throws IOException {
    ValidPipeline p =
        loader.load(
            write(
                """
        name: shop
        source: {type: postgres, host: h, database: d, user: u, tables: ["${env:PG_HOST}.t"]}
        destination: {type: log, path: "/var/${env:PG_HOST}"}
        """));

    assertThat(p.source().getList("tables")).containsExactly("db.local.t");
    assertThat(p.destination().getString("path")).isEqualTo("/var/db.local");
  }

  @Test
  void aMissingEnvironmentVariableNamesTheField() throws IOException {
    Path file = write(minimal("password: ${env:MISSING_PASSWORD}"));

    assertThat(errors(file))
        .containsExactly(
            new ConfigError(
                "source.password",
                "environment variable MISSING_PASSWORD is not set; export it or put the value in the file"));
  }

  @Test
  void anUnreadableFileNamesTheFieldAndThePath() throws IOException {
    Path file = write(minimal("password: ${file:/no/such/secret}"));

    assertThat(errors(file))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("source.password");
              assertThat(e.message()).contains("/no/such/secret", "no such file");
            });
  }

  @Test
  void anUnknownReferenceKindIsAnError() throws IOException {
    Path file = write(minimal("password: ${vault:pg}"));

    assertThat(errors(file))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("source.password");
              assertThat(e.message()).contains("${env:NAME}", "${file:PATH}");
            });
  }

  @Test
  void anUnresolvedReferenceIsReportedOnceEvenForATypedField() throws IOException {
    Path file = write(minimal("port: ${env:PG_PORT}"));

    assertThat(errors(file)).extracting(ConfigError::field).containsExactly("source.port");
  }

  @Test
  void readingForStreamsIgnoresTheSourceAndItsSecrets() throws IOException {
    Path file = write(minimal("password: ${env:NOT_SET_HERE}") + "destination: {path: /srv/log}\n");

    PipelineLoader.ReadablePipeline p = loader.loadForReading(file);

    assertThat(p.name()).isEqualTo("shop");
    assertThat(p.destination().getString("path")).isEqualTo("/srv/log");
  }

  private List<ConfigError> errors(Path file) {
    return PipelineFiles.errors(loader, file);
  }

  private static String minimal(String extraSourceLine) {
    return PipelineFiles.minimal(extraSourceLine);
  }

  private Path write(String yaml) throws IOException {
    return PipelineFiles.write(dir, yaml);
  }
}

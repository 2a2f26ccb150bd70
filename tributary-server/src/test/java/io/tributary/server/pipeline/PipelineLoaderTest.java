package io.tributary.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.config.ConfigError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineLoaderTest {
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
  void loadsTheDocumentedExample() throws IOException {
    ValidPipeline p =
        loader.load(
            write(
                """
        name: shop
        source:
          type: postgres
          host: 127.0.0.1
          port: 5432
          database: shop
          user: tributary
          password: ${env:SHOP_PG_PASSWORD}
          tables: [public.orders, public.customers]
          snapshot: initial
        destination:
          type: log
          path: ./data
        """));

    assertThat(p.name()).isEqualTo("shop");
    assertThat(p.connector()).isInstanceOf(FakeConnector.class);
    assertThat(p.source().getString("password")).isEqualTo("s3cret");
    assertThat(p.source().getInt("port")).isEqualTo(5432);
    assertThat(p.source().getList("tables")).containsExactly("public.orders", "public.customers");
    assertThat(p.destination().getString("path")).isEqualTo("./data");
  }

  @Test
  void malformedYamlNamesLineAndColumn() throws IOException {
    Path file =
        write(
            """
        name: shop
        source:
          type: postgres
          host: [127.0.0.1
        """);

    assertThat(errors(file))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo(file.toString());
              assertThat(e.message()).startsWith("malformed YAML at line 5, column 1:");
            });
  }

  @Test
  void badIndentationNamesItsLine() throws IOException {
    Path file =
        write(
            """
        name: shop
        source:
          type: postgres
         host: x
        """);

    assertThat(errors(file))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("line 4"));
  }

  @Test
  void duplicateFieldsAreAnError() throws IOException {
    Path file = write("name: shop\nname: other\nsource: {type: postgres}\n");

    assertThat(errors(file))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("line 2", "name"));
  }

  @Test
  void anUnknownTopLevelFieldSuggestsTheClosest() throws IOException {
    Path file = write(minimal("") + "destinaton:\n  path: ./x\n");

    assertThat(errors(file))
        .containsExactly(
            new ConfigError(
                "destinaton",
                "unknown field; did you mean 'destination'? (known fields: name, source, destination)"));
  }

  @Test
  void anUnknownFieldFarFromAnyKnownOneListsTheKnownFields() throws IOException {
    Path file = write(minimal("") + "colour: blue\n");

    assertThat(errors(file))
        .containsExactly(
            new ConfigError("colour", "unknown field (known fields: name, source, destination)"));
  }

  @Test
  void aBadNameExplainsTheRule() throws IOException {
    Path file = write(minimal("").replace("name: shop", "name: Shop Orders"));

    assertThat(errors(file))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("name");
              assertThat(e.message())
                  .contains("'Shop Orders' is not a valid pipeline name", "lowercase", "63");
            });
  }

  @Test
  void acceptsNamesAtTheEdgesOfTheRule() throws IOException {
    String longest = "a" + "b".repeat(62);
    assertThat(loader.load(write(minimal("").replace("shop", longest))).name()).isEqualTo(longest);
    assertThat(loader.load(write(minimal("").replace("shop", "0_x-y"))).name()).isEqualTo("0_x-y");
    assertThat(errors(write(minimal("").replace("shop", longest + "c"))))
        .extracting(ConfigError::field)
        .containsExactly("name");
    assertThat(errors(write(minimal("").replace("shop", "-shop"))))
        .extracting(ConfigError::field)
        .containsExactly("name");
  }

  @Test
  void collectsEveryErrorAtOnce() throws IOException {
    Path file =
        write(
            """
        name: Shop!
        colour: blue
        source:
          type: postgres
          host: h
          user: u
          port: not-a-number
          password: ${env:NOPE}
          snapshott: initial
        destination:
          type: log
          segment_bytes: lots
        """);

    assertThat(errors(file))
        .extracting(ConfigError::field)
        .containsExactlyInAnyOrder(
            "colour",
            "name",
            "source.password",
            "source.snapshott",
            "source.database",
            "source.port",
            "destination.segment_bytes");
  }

  @Test
  void anUnknownSourceTypeListsTheKnownTypes() throws IOException {
    Path file = write(minimal("").replace("type: postgres", "type: postgress"));

    assertThat(errors(file))
        .containsExactly(
            new ConfigError(
                "source.type",
                "unknown source type 'postgress'; did you mean 'postgres'? (known types: postgres)"));
  }

  @Test
  void aMissingSourceIsAnError() throws IOException {
    assertThat(errors(write("name: shop\n")))
        .extracting(ConfigError::field)
        .containsExactly("source");
    assertThat(errors(write("name: shop\nsource: postgres\n")))
        .extracting(ConfigError::field)
        .containsExactly("source");
    assertThat(errors(write("name: shop\nsource: {host: h}\n")))
        .extracting(ConfigError::field)
        .containsExactly("source.type");
  }

  @Test
  void theDestinationDefaultsToTheLogUnderData() throws IOException {
    ValidPipeline p = loader.load(write(minimal("")));

    assertThat(p.definition().destination()).isEqualTo(Map.of("type", "log", "path", "./data"));
    assertThat(p.destination().getString("path")).isEqualTo("./data");
  }

  @Test
  void anUnknownDestinationTypeIsAnError() throws IOException {
    Path file = write(minimal("") + "destination: {type: kafka}\n");

    assertThat(errors(file)).extracting(ConfigError::field).containsExactly("destination.type");
  }

  @Test
  void anEmptyDocumentIsAnError() throws IOException {
    assertThat(errors(write("")))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("empty"));
    assertThat(errors(write("- a\n- b\n")))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("mapping", "not a list"));
  }

  @Test
  void aMissingFileIsAnError() {
    Path file = dir.resolve("absent.yaml");

    assertThat(errors(file))
        .containsExactly(new ConfigError(file.toString(), "no such file; check the path"));
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

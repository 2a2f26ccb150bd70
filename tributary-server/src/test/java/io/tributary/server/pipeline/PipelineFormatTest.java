package io.tributary.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineFormatTest {
  private final PipelineLoader loader =
      new PipelineLoader(
          new PipelineValidator(
              Connectors.of(new FakeConnector()),
              FakeConnector.LOG_SPEC,
              ReferenceResolver.system()));

  private final PipelineDefinition shop =
      new PipelineDefinition(
          "shop",
          Map.of(
              "type",
              "postgres",
              "password",
              "${env:SHOP_PG_PASSWORD}",
              "tables",
              List.of("public.orders", "public.customers"),
              "port",
              5432),
          null);

  @Test
  void yamlRoundTripsADefinitionWithItsReferencesAsWritten() {
    String yaml = PipelineFormat.YAML.write(shop);

    assertThat(yaml).startsWith("name: shop\nsource:\n").contains("${env:SHOP_PG_PASSWORD}");
    assertThat(loader.read(yaml, PipelineFormat.YAML, "test")).isEqualTo(shop);
  }

  @Test
  void jsonRoundTripsADefinition() {
    String json = PipelineFormat.JSON.write(shop);

    assertThat(json).startsWith("{").contains("\"name\" : \"shop\"");
    assertThat(loader.read(json, PipelineFormat.JSON, "test")).isEqualTo(shop);
  }

  @Test
  void writesTheDefaultDestination() {
    assertThat(PipelineFormat.YAML.write(shop))
        .endsWith("destination:\n  type: log\n  path: ./data\n");
  }

  @Test
  void definitionsAreImmutableCopies() {
    List<Object> tables = new ArrayList<>(List.of("a"));
    PipelineDefinition d = new PipelineDefinition("x", Map.of("tables", tables), null);
    tables.add("b");

    assertThat(d.source().get("tables")).isEqualTo(List.of("a"));
  }
}

package io.tributary.server.pipeline;

import io.tributary.api.Check;
import io.tributary.api.DiscoveredTable;
import io.tributary.api.SourceConnector;
import io.tributary.api.SourceTask;
import io.tributary.api.TaskContext;
import io.tributary.api.config.Config;
import io.tributary.api.config.ConfigField;
import io.tributary.api.config.ConfigSpec;
import io.tributary.api.config.ConfigType;
import io.tributary.api.config.Validator;
import java.util.List;

/** A source connector with a PostgreSQL-like spec and no behaviour, for loader tests. */
final class FakeConnector implements SourceConnector {
  static final ConfigSpec SPEC =
      new ConfigSpec(
          List.of(
              ConfigField.builder("host", ConfigType.STRING).required().build(),
              ConfigField.builder("port", ConfigType.INT)
                  .defaultValue(5432)
                  .validator(Validator.range(1, 65535))
                  .build(),
              ConfigField.builder("database", ConfigType.STRING).required().build(),
              ConfigField.builder("user", ConfigType.STRING).required().build(),
              ConfigField.builder("password", ConfigType.PASSWORD).build(),
              ConfigField.builder("tables", ConfigType.LIST).build(),
              ConfigField.builder("snapshot", ConfigType.ENUM)
                  .allowed("initial", "never")
                  .defaultValue("initial")
                  .build()));

  /** Stands in for the log destination's spec. */
  static final ConfigSpec LOG_SPEC =
      new ConfigSpec(
          List.of(
              ConfigField.builder("path", ConfigType.STRING).defaultValue("./data").build(),
              ConfigField.builder("segment_bytes", ConfigType.INT).build()));

  @Override
  public String type() {
    return "postgres";
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public List<Check> check(Config config, String pipelineName) {
    return List.of();
  }

  @Override
  public List<DiscoveredTable> discover(Config config) {
    return List.of();
  }

  @Override
  public void cleanup(Config config, String pipelineName) {}

  @Override
  public SourceTask createTask(Config config, TaskContext context) {
    throw new UnsupportedOperationException();
  }
}

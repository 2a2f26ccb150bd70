package io.tributary.postgres.connector;

import io.tributary.api.Check;
import io.tributary.api.DiscoveredTable;
import io.tributary.api.SourceConnector;
import io.tributary.api.SourceTask;
import io.tributary.api.TaskContext;
import io.tributary.api.config.Config;
import io.tributary.api.config.ConfigSpec;
import io.tributary.postgres.check.PrerequisiteChecker;
import io.tributary.postgres.task.PostgresSourceTask;
import java.util.List;

/** PostgreSQL logical replication with pgoutput. Type name {@code postgres}. */
public final class PostgresConnector implements SourceConnector {

  @Override
  public String type() {
    return "postgres";
  }

  @Override
  public ConfigSpec configSpec() {
    return PostgresConfig.SPEC;
  }

  @Override
  public List<Check> check(Config config, String pipelineName) {
    return new PrerequisiteChecker(PostgresConfig.from(config, pipelineName)).run();
  }

  @Override
  public List<DiscoveredTable> discover(Config config) {
    return new TableDiscovery(PostgresConfig.from(config, "discovery")).discover();
  }

  @Override
  public void cleanup(Config config, String pipelineName) {
    new SourceCleanup(PostgresConfig.from(config, pipelineName)).run();
  }

  @Override
  public SourceTask createTask(Config config, TaskContext context) {
    return new PostgresSourceTask(PostgresConfig.from(config, context.pipelineName()), context);
  }
}

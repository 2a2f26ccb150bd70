package io.tributary.api;

import io.tributary.api.config.Config;
import io.tributary.api.config.ConfigSpec;
import java.util.List;

/**
 * A kind of source (PostgreSQL, MySQL, …): declares its configuration, checks prerequisites and
 * creates the task that captures changes. Implementations are stateless and thread-safe.
 */
public interface SourceConnector {

  /** The type name used in pipeline files, e.g. {@code postgres}. */
  String type();

  /** Every field this source accepts. */
  ConfigSpec configSpec();

  /**
   * Connects with {@code config} and checks every prerequisite (reachability, credentials,
   * privileges, server settings, tables), without changing anything on the source. Never throws for
   * a failed check: each check reports its own result.
   */
  List<Check> check(Config config, String pipelineName);

  /**
   * The tables this source could capture with {@code config}'s connection settings (its table
   * selection is ignored), for a user to choose from. Connects and reads, changes nothing.
   *
   * @throws FatalException or {@link RetriableException} when the source cannot be reached or read,
   *     with a message that says how to fix it
   */
  List<DiscoveredTable> discover(Config config);

  /**
   * Drops what this source created on the source system for the pipeline, so nothing keeps holding
   * resources there once the pipeline is gone (PostgreSQL: its replication slot, which would retain
   * WAL, and its publication). Called with the pipeline stopped; missing objects are not an error.
   *
   * @throws FatalException or {@link RetriableException} when it cannot, saying why and what to do
   */
  void cleanup(Config config, String pipelineName);

  /** A task for the pipeline; it does no I/O until {@link SourceTask#start}. */
  SourceTask createTask(Config config, TaskContext context);
}

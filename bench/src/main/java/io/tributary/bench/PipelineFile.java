package io.tributary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pipeline document for {@code tributary run}: a PostgreSQL source capturing one table of the
 * benchmark database into the embedded log under {@code logPath}. Advanced source fields keep their
 * defaults, so the figures are those of an out-of-the-box pipeline.
 *
 * @param name the pipeline's name; the log is {@code <logPath>/<name>}, the stream {@code
 *     <name>.public.<table>}
 * @param table the table in schema public
 * @param snapshot initial, initial_only or never
 * @param slot the replication slot
 * @param publication the publication
 * @param logPath the destination's path
 */
record PipelineFile(
    String name, String table, String snapshot, String slot, String publication, Path logPath) {

  /** The stream the table's events go to. */
  String stream() {
    return name + ".public." + table;
  }

  /** The pipeline's log directory. */
  Path logDirectory() {
    return logPath.resolve(name);
  }

  /** Writes the document into {@code dir} as {@code <name>.yaml} and returns its path. */
  Path write(BenchDatabase db, Path dir) throws IOException {
    String yaml =
        """
        name: %s
        source:
          type: postgres
          host: %s
          port: %d
          database: %s
          user: %s
          password: %s
          sslmode: disable
          tables:
            - public.%s
          snapshot: %s
          slot: %s
          publication: %s
        destination:
          type: log
          path: %s
        """
            .formatted(
                name,
                db.host(),
                db.port(),
                BenchDatabase.NAME,
                db.user(),
                db.password(),
                table,
                snapshot,
                slot,
                publication,
                logPath);
    return Files.writeString(dir.resolve(name + ".yaml"), yaml);
  }
}

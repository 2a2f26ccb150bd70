package io.tributary.testkit.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Test-only directory of empty executables named like the PostgreSQL tools, for pure tests. */
final class FakeBinaries {

  private FakeBinaries() {}

  static Path in(Path dir) throws IOException {
    for (String tool : new String[] {"initdb", "pg_ctl", "postgres", "psql"}) {
      Path file = Files.createFile(dir.resolve(tool));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return dir;
  }
}

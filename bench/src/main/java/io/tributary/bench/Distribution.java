package io.tributary.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The Tributary CLI as built: {@code tributary-server-*.jar} and its {@code lib/} directory, the
 * class path the {@code tributary} launcher runs.
 *
 * @param jar the server jar
 * @param lib the directory of its runtime dependencies
 */
record Distribution(Path jar, Path lib) {

  static final String MAIN_CLASS = "io.tributary.server.cli.Main";

  /**
   * Finds the distribution in {@code dir} (e.g. {@code tributary-server/target}) and copies it into
   * {@code into}, so that a rebuild of the source tree while the benchmark runs cannot swap jars
   * under a running child.
   */
  static Distribution copyOf(Path dir, Path into) throws IOException {
    Path jar = serverJar(dir);
    Path lib = dir.resolve("lib");
    if (!Files.isDirectory(lib)) {
      throw new IOException(
          lib + " is missing; build the distribution first: mvn -DskipTests install");
    }
    Path libCopy = Files.createDirectories(into.resolve("lib"));
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "*.jar")) {
      for (Path each : jars) {
        Files.copy(each, libCopy.resolve(each.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path jarCopy = into.resolve(jar.getFileName());
    Files.copy(jar, jarCopy, StandardCopyOption.REPLACE_EXISTING);
    return new Distribution(jarCopy, libCopy);
  }

  private static Path serverJar(Path dir) throws IOException {
    List<Path> found = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "tributary-server-*.jar")) {
        for (Path each : jars) {
          String name = each.getFileName().toString();
          if (!name.endsWith("-sources.jar")
              && !name.endsWith("-javadoc.jar")
              && !name.endsWith("-tests.jar")) {
            found.add(each);
          }
        }
      }
    }
    if (found.size() != 1) {
      throw new IOException(
          "expected one tributary-server-*.jar in "
              + dir.toAbsolutePath()
              + ", found "
              + found
              + "; build the distribution with: mvn -DskipTests install");
    }
    return found.getFirst();
  }

  /** The class path of a JVM running the CLI. */
  String classpath() {
    return jar + ":" + lib + "/*";
  }
}

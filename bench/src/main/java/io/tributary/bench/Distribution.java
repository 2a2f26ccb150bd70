package io.tributary.bench;

import io.tributary.testkit.process.ChildJvm;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The Tributary CLI as built: {@code tributary-server-*.jar} and its {@code lib/} directory, the
 * class path the {@code tributary} launcher runs.
 *
 * @param jar the server jar
 * @param lib the directory of its runtime dependencies
 * @param aotCache the JVM's ahead-of-time cache for it, as {@code ./tributary} makes one (see
 *     scripts/aot-cache.sh), or null
 */
record Distribution(Path jar, Path lib, Path aotCache) {

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
    return new Distribution(jarCopy, libCopy, null);
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

  /**
   * This distribution with an ahead-of-time cache made for it, as the launcher does on JDK 25+
   * (unless {@code TRIBUTARY_AOT=0}): a training run of {@code AotTraining} with the launcher's
   * options. Unchanged when the JDK is older, the cache is off, or the training fails.
   */
  Distribution withAotCache(List<String> launcherOptions) throws IOException, InterruptedException {
    if (Runtime.version().feature() < 25 || "0".equals(System.getenv("TRIBUTARY_AOT"))) {
      return this;
    }
    Path cache = jar.resolveSibling("tributary.aot");
    List<String> options = new ArrayList<>(launcherOptions);
    options.add("-XX:AOTCacheOutput=" + cache);
    try (ChildJvm training =
        ChildJvm.builder("io.tributary.server.cli.AotTraining")
            .classpath(classpath())
            .jvmOptions(options.toArray(String[]::new))
            .start()) {
      int exit = training.waitFor(Duration.ofMinutes(2));
      if (exit != 0 || !Files.isRegularFile(cache)) {
        Progress.say("no AOT cache (training exited with %d); runs start without one", exit);
        return this;
      }
    } catch (TimeoutException e) {
      Progress.say("no AOT cache (training timed out); runs start without one");
      return this;
    }
    return new Distribution(jar, lib, cache);
  }

  /** The JVM options that use the AOT cache, as the launcher adds them; none without a cache. */
  List<String> aotOptions() {
    return aotCache == null
        ? List.of()
        : List.of("-XX:AOTCache=" + aotCache, "-Xlog:aot=off", "-Xlog:cds=off");
  }

  /** The class path of a JVM running the CLI. */
  String classpath() {
    return jar + ":" + lib + "/*";
  }
}

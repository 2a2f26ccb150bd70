package io.tributary.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tributary version}: the version, and the Java that runs it. */
@Command(name = "version", description = "Print Tributary's version and the Java runtime it uses.")
final class VersionCommand implements Callable<Integer> {
  @ParentCommand private Main main;

  @Override
  public Integer call() {
    main.terminal()
        .out()
        .printf(
            "tributary %s (Java %s, %s %s)%n",
            version(),
            Runtime.version(),
            System.getProperty("os.name"),
            System.getProperty("os.arch"));
    return ExitCodes.OK;
  }

  static String version() {
    try (InputStream in =
        VersionCommand.class.getResourceAsStream("/io/tributary/server/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the version resource", e);
    }
  }
}

package io.tributary.server.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code tributary} command line. Exit status: 0 done or stopped cleanly, 1 the pipeline failed
 * (or an unexpected error), 2 bad configuration, bad usage or a failed prerequisite check.
 */
@Command(
    name = "tributary",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT, // --help on every subcommand
    versionProvider = Main.Version.class,
    description = "Change data capture from databases into durable streams.",
    subcommands = {
      QuickstartCommand.class,
      RunCommand.class,
      ServerCommand.class,
      CheckCommand.class,
      TailCommand.class,
      StreamsCommand.class,
      VersionCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Start with 'tributary quickstart'; then 'tributary check my-pipeline.yaml' and 'tributary run my-pipeline.yaml'."
    })
public final class Main implements Runnable {
  private final Terminal terminal;

  @Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show debug logging and the stack traces of errors.")
  private boolean verbose;

  Main(Terminal terminal) {
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    System.exit(execute(Terminal.system(), args));
  }

  /** Runs one command line and returns its exit status; the process keeps running. */
  public static int execute(Terminal terminal, String... args) {
    Main main = new Main(terminal);
    CommandLine cmd = new CommandLine(main);
    cmd.setOut(new PrintWriter(terminal.out(), true));
    cmd.setErr(new PrintWriter(terminal.err(), true));
    cmd.setExecutionExceptionHandler(new ErrorReporter(terminal.err(), main));
    cmd.setExecutionStrategy(
        parsed -> {
          Logging.configure(terminal.err(), main.verbose);
          return new CommandLine.RunLast().execute(parsed);
        });
    return cmd.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(terminal.out());
  }

  /**
   * How the user invoked this program, for commands in hints: the launcher passes it as {@code
   * -Dtributary.command}, e.g. {@code ./tributary}.
   */
  static String commandName() {
    String name = System.getProperty("tributary.command");
    return name == null || name.isBlank() ? "tributary" : name;
  }

  Terminal terminal() {
    return terminal;
  }

  boolean verbose() {
    return verbose;
  }

  /** Feeds {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tributary " + VersionCommand.version()};
    }
  }
}

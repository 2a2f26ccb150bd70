package io.tributary.server.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/** The words around the quickstart's events: what is happening, and what to do next. */
final class QuickstartGuide {
  private QuickstartGuide() {}

  static void intro(PrintStream err) {
    err.println(
        """

        Tributary quickstart
        ====================
        This starts a private PostgreSQL 15 with a database 'shop' and a table public.orders, and runs a
        pipeline that captures every change to that table into Tributary's embedded log: first a snapshot
        of the rows already there (op "r"), then each insert ("c"), update ("u") and delete ("d") as it
        happens. Starting PostgreSQL takes a few seconds…
        """);
  }

  static void running(
      PrintStream err, String command, Path pipelineFile, Path logDirectory, String stream) {
    String file = relative(pipelineFile);
    err.println(
        """

        The pipeline is running (its file: %1$s, its log: %2$s).
        Every second or two the demo changes the table ("db>" lines, on stderr); the events Tributary
        captured follow on stdout as JSON lines, exactly as 'tail' prints them.

        Meanwhile, in another terminal:
          %3$s streams --pipeline %1$s
          %3$s tail --pipeline %1$s --from-beginning %4$s

        To capture your own database, copy %1$s and point it at your server
        (keep the password out of the file: password: ${env:PGPASSWORD}), then:
          %3$s check my-pipeline.yaml    # validates it and checks the server's prerequisites
          %3$s run my-pipeline.yaml      # captures until Ctrl-C; resumes where it stopped
        Stop the quickstart with Ctrl-C; it deletes everything it made.
        """
            .formatted(file, relative(logDirectory), command, stream));
  }

  static void done(PrintStream err, long events) {
    err.printf(
        "%nQuickstart done: %,d events captured and printed; its database and files are deleted.%n",
        events);
  }

  private static String relative(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }
}

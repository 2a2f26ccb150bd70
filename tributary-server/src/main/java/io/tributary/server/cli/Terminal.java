package io.tributary.server.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where a command writes: {@code out} for results (events, lists, reports), {@code err} for
 * progress, status and errors, so that {@code out} can be piped into other tools. Both are UTF-8.
 */
public record Terminal(PrintStream out, PrintStream err) {

  /** The process's standard output and error, UTF-8 whatever the locale says. */
  public static Terminal system() {
    return new Terminal(utf8(FileDescriptor.out), utf8(FileDescriptor.err));
  }

  private static PrintStream utf8(FileDescriptor fd) {
    return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
  }
}

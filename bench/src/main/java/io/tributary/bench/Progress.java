package io.tributary.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress lines on stderr, so that stdout holds only the result table. */
final class Progress {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private Progress() {}

  static void say(String format, Object... args) {
    System.err.println(
        "bench " + LocalTime.now().format(TIME) + "  " + String.format(format, args));
  }
}

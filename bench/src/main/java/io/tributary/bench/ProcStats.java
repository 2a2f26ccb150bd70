package io.tributary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resource use of a process so far, from {@code /proc/<pid>/status} and {@code /proc/<pid>/stat}.
 *
 * @param peakRssBytes VmHWM: the highest resident set size the process reached
 * @param cpuSeconds user plus system CPU time (utime + stime)
 */
record ProcStats(long peakRssBytes, double cpuSeconds) {

  static final ProcStats NONE = new ProcStats(0, 0);

  /**
   * utime and stime are counted in clock ticks: USER_HZ, 100 on every Linux architecture in use.
   */
  private static final double TICKS_PER_SECOND = clockTicks();

  /**
   * The process's figures now, or empty when it is gone (or a zombie whose status has no VmHWM).
   */
  static Optional<ProcStats> read(long pid) {
    Path dir = Path.of("/proc", Long.toString(pid));
    try {
      String status = Files.readString(dir.resolve("status"));
      String stat = Files.readString(dir.resolve("stat"));
      long hwm = vmHwmBytes(status);
      return hwm < 0 ? Optional.empty() : Optional.of(new ProcStats(hwm, cpuSeconds(stat)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      // the process ended between the two reads (ESRCH)
      return Optional.empty();
    }
  }

  double peakRssMib() {
    return peakRssBytes / (1024.0 * 1024.0);
  }

  private static long vmHwmBytes(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmHWM:")) {
        String kb = line.substring("VmHWM:".length()).replace("kB", "").strip();
        return Long.parseLong(kb) * 1024;
      }
    }
    return -1;
  }

  private static double cpuSeconds(String stat) {
    // the command name (field 2) is in parentheses and may contain spaces; fields 14 and 15 follow
    // it
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long utime = Long.parseLong(fields[11]);
    long stime = Long.parseLong(fields[12]);
    return (utime + stime) / TICKS_PER_SECOND;
  }

  private static double clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      return p.waitFor() == 0 ? Double.parseDouble(out) : 100;
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}

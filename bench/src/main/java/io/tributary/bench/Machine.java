package io.tributary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine the figures come from.
 *
 * @param cpus what {@code nproc} says
 * @param memoryBytes MemTotal
 * @param cpuModel the first processor's model name
 * @param kernel the Linux release
 * @param java the Java runtime running the benchmark and the Tributary children
 */
record Machine(int cpus, long memoryBytes, String cpuModel, String kernel, String java) {

  static Machine describe() throws IOException, InterruptedException {
    return new Machine(
        nproc(),
        memTotalKb() * 1024,
        readCpuModel(),
        System.getProperty("os.version"),
        System.getProperty("java.vm.vendor") + " " + Runtime.version());
  }

  /** The 1, 5 and 15 minute load averages now: the machine may be shared. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  String summary() {
    return String.format(
        Locale.ROOT,
        "%d CPUs (nproc), %.1f GiB memory, %s, Linux %s, Java %s",
        cpus,
        memoryBytes / (1024.0 * 1024 * 1024),
        cpuModel,
        kernel,
        java);
  }

  private static int nproc() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("nproc").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    return p.waitFor() == 0 ? Integer.parseInt(out) : Runtime.getRuntime().availableProcessors();
  }

  private static long memTotalKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.substring("MemTotal:".length()).replace("kB", "").strip());
      }
    }
    return 0;
  }

  private static String readCpuModel() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).strip();
      }
    }
    return "unknown CPU";
  }
}

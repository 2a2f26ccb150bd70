package io.tributary.bench;

/**
 * What one Tributary run achieved.
 *
 * @param events events committed to the log
 * @param seconds wall-clock time, from just before the process was created until done
 * @param stats CPU time and peak RSS when done
 * @param exitCode the process's exit code
 */
record RunFigures(long events, double seconds, ProcStats stats, int exitCode) {

  double eventsPerSecond() {
    return events / seconds;
  }

  double cpuSecondsPerMillionEvents() {
    return stats.cpuSeconds() / events * 1_000_000;
  }
}

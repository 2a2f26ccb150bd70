package io.tributary.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run measures, parsed strictly from the command line: unknown options and bad
 * values are rejected, all at once, never clamped.
 *
 * @param rows inserts in the streaming backlog
 * @param updates updates in the backlog (of rows 1..updates)
 * @param deletes deletes in the backlog (of the last {@code deletes} rows)
 * @param snapshotRows rows in the snapshot table
 * @param tps transactions per second of the latency load
 * @param latencySeconds how long the latency load is measured
 * @param warmupSeconds load at the same rate before the measured window, not counted
 * @param distribution the built CLI distribution: {@code tributary-server-*.jar} and {@code lib/}
 * @param resultsDir where the Markdown result is written
 */
record BenchOptions(
    long rows,
    long updates,
    long deletes,
    long snapshotRows,
    int tps,
    int latencySeconds,
    int warmupSeconds,
    Path distribution,
    Path resultsDir) {

  static final String USAGE =
      """
      usage: bench/run.sh [--rows N] [--updates N] [--deletes N] [--snapshot-rows N] [--tps N]
                          [--latency-seconds N] [--warmup-seconds N]
        --rows             inserts in the streaming backlog (default 1,000,000)
        --updates          updates in the backlog, at most --rows (default 100,000)
        --deletes          deletes in the backlog, at most --rows (default 50,000)
        --snapshot-rows    rows of the snapshot table (default 1,000,000)
        --tps              transactions per second of the latency load (default 2,000)
        --latency-seconds  measured seconds of the latency load (default 30)
        --warmup-seconds   seconds of load before the measured window, not counted (default 5)
        --distribution     the built CLI, tributary-server/target (set by run.sh)
        --results          directory for the result file (set by run.sh: bench/results)""";

  private static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("rows", "1000000");
    d.put("updates", "100000");
    d.put("deletes", "50000");
    d.put("snapshot-rows", "1000000");
    d.put("tps", "2000");
    d.put("latency-seconds", "30");
    d.put("warmup-seconds", "5");
    d.put("distribution", "tributary-server/target");
    d.put("results", "bench/results");
    return d;
  }

  /** Thrown for a bad command line; the message lists every problem and the usage. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static BenchOptions parse(String... args) throws UsageException {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        throw new UsageException(USAGE);
      }
      String name = arg.startsWith("--") ? arg.substring(2) : null;
      String value = null;
      if (name != null && name.contains("=")) {
        value = name.substring(name.indexOf('=') + 1);
        name = name.substring(0, name.indexOf('='));
      } else if (name != null && i + 1 < args.length) {
        value = args[++i];
      }
      if (name == null || !DEFAULTS.containsKey(name)) {
        errors.add("unknown option '" + arg + "'");
      } else if (value == null) {
        errors.add("--" + name + " needs a value");
      } else {
        values.put(name, value);
      }
    }
    return validated(values, errors);
  }

  private static BenchOptions validated(Map<String, String> v, List<String> errors)
      throws UsageException {
    long rows = number(v, "rows", 1, Long.MAX_VALUE, errors);
    long updates = number(v, "updates", 0, Math.max(rows, 0), errors);
    long deletes = number(v, "deletes", 0, Math.max(rows, 0), errors);
    long snapshotRows = number(v, "snapshot-rows", 1, Long.MAX_VALUE, errors);
    int tps = (int) number(v, "tps", 1, 100_000, errors);
    int latencySeconds = (int) number(v, "latency-seconds", 1, 3_600, errors);
    int warmupSeconds = (int) number(v, "warmup-seconds", 0, 3_600, errors);
    if ((long) tps * (latencySeconds + warmupSeconds) > 50_000_000L) {
      errors.add(
          "--tps × (--latency-seconds + --warmup-seconds) must stay within 50,000,000 transactions");
    }
    if (!errors.isEmpty()) {
      throw new UsageException(String.join("\n", errors) + "\n" + USAGE);
    }
    return new BenchOptions(
        rows,
        updates,
        deletes,
        snapshotRows,
        tps,
        latencySeconds,
        warmupSeconds,
        Path.of(v.get("distribution")),
        Path.of(v.get("results")));
  }

  private static long number(
      Map<String, String> v, String name, long min, long max, List<String> errors) {
    String text = v.get(name).replace("_", "").replace(",", "");
    try {
      long n = Long.parseLong(text);
      if (n < min || n > max) {
        errors.add(
            "--" + name + " must be between " + min + " and " + max + ", was " + v.get(name));
      }
      return n;
    } catch (NumberFormatException e) {
      errors.add("--" + name + " must be a whole number, was '" + v.get(name) + "'");
      return min;
    }
  }

  /** Events the streaming backlog produces: one per inserted, updated and deleted row. */
  long backlogEvents() {
    return rows + updates + deletes;
  }
}

#!/usr/bin/env bash
# Benchmarks Tributary against baselines measured in the same run (pg_recvlogical, psql \copy) on a
# private durable PostgreSQL 15, and prints a Markdown table (also written to bench/results/).
#
# usage: bench/run.sh [--rows N] [--updates N] [--deletes N] [--snapshot-rows N] [--tps N]
#                     [--latency-seconds N] [--warmup-seconds N]
# Environment: TRIBUTARY_JAVA_OPTS adds JVM options to the Tributary runs (e.g. a JFR recording).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
readonly root
# shellcheck source=../scripts/java-home.sh
. "$root/scripts/java-home.sh"

for arg in "$@"; do
  if [[ "$arg" == "-h" || "$arg" == "--help" ]]; then
    if [[ -d "$root/bench/target/classes" ]]; then
      exec "$JAVA_HOME/bin/java" -cp "$root/bench/target/classes" io.tributary.bench.BenchMain --help
    fi
    sed -n '5,7p' "$0" | sed 's/^# //'
    exit 0
  fi
done

# shellcheck source=build.sh
. "$root/bench/build.sh"
build_bench bench "tributary-server and the benchmark"
exec "$JAVA_HOME/bin/java" -Xmx1g -Dtributary.jvm.options="$root/tributary-server/jvm.options" -cp "$jar:$root/bench/target/lib/*" io.tributary.bench.BenchMain \
  --distribution "$root/tributary-server/target" --results "$root/bench/results" "$@"

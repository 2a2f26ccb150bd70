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

command -v mvn >/dev/null 2>&1 || { echo "bench: Maven is needed to build Tributary (apt-get install maven)" >&2; exit 2; }
echo "bench: building tributary-server and the benchmark (mvn -q -DskipTests install -pl bench -am)…" >&2
(cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests install -pl bench -am) 2>&1 \
  | sed -u $'s/\e\\[[0-9;]*m//g' >&2 \
  || { echo "bench: the build failed (see above)" >&2; exit 2; }

jar="$(ls "$root"/bench/target/tributary-bench-*.jar | head -n 1)"
exec "$JAVA_HOME/bin/java" -Xmx1g -Dtributary.jvm.options="$root/tributary-server/jvm.options" -cp "$jar:$root/bench/target/lib/*" io.tributary.bench.BenchMain \
  --distribution "$root/tributary-server/target" --results "$root/bench/results" "$@"

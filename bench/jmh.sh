#!/usr/bin/env bash
# Micro-benchmarks (JMH) of Tributary's hot paths, e.g. one snapshot row from COPY text to envelope
# bytes, decoded first or written straight from the text (RowEncodingBenchmark).
#
# usage: bench/jmh.sh [JMH options, e.g. a benchmark name pattern]   (bench/jmh.sh -h lists them)
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
readonly root
# shellcheck source=../scripts/java-home.sh
. "$root/scripts/java-home.sh"

command -v mvn >/dev/null 2>&1 || { echo "jmh: Maven is needed to build the benchmarks (apt-get install maven)" >&2; exit 2; }
echo "jmh: building the benchmarks (mvn -q -DskipTests install -pl bench -am)…" >&2
(cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests install -pl bench -am) 2>&1 \
  | sed -u $'s/\e\\[[0-9;]*m//g' >&2 \
  || { echo "jmh: the build failed (see above)" >&2; exit 2; }

jar="$(ls "$root"/bench/target/tributary-bench-*.jar | head -n 1)"
exec "$JAVA_HOME/bin/java" -cp "$jar:$root/bench/target/lib/*" org.openjdk.jmh.Main "$@"

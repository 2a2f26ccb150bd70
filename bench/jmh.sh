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

# shellcheck source=build.sh
. "$root/bench/build.sh"
build_bench jmh "the benchmarks"
exec "$JAVA_HOME/bin/java" -cp "$jar:$root/bench/target/lib/*" org.openjdk.jmh.Main "$@"

# Sourced by bench/run.sh and bench/jmh.sh: builds Tributary and the benchmark module.
#
# build_bench NAME WHAT
#   builds with Maven (messages prefixed with NAME, WHAT says what is built), exits 2 if that is not
#   possible, then sets jar to the benchmark's jar. Needs root set to the repository.
build_bench() {
  local name="$1" what="$2"
  command -v mvn >/dev/null 2>&1 || { echo "$name: Maven is needed to build $what (apt-get install maven)" >&2; exit 2; }
  echo "$name: building $what (mvn -q -DskipTests install -pl bench -am)…" >&2
  (cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests install -pl bench -am) 2>&1 \
    | sed -u $'s/\e\\[[0-9;]*m//g' >&2 \
    || { echo "$name: the build failed (see above)" >&2; exit 2; }
  jar="$(ls "$root"/bench/target/tributary-bench-*.jar | head -n 1)"
}

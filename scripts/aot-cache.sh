# Sourced by ./tributary and bench/run.sh: the JVM's ahead-of-time cache for the CLI (JDK 25+).
#
# The cache holds the classes a pipeline run loads and links, and their profiles (JEPs 483, 515),
# which takes about a third off start-up. It is made once per build by a short training run that
# needs no database (io.tributary.server.cli.AotTraining); a stale or unusable cache is ignored
# silently by the JVM. TRIBUTARY_AOT=0 turns it off.
#
# aot_cache_options JAVA_HOME MAJOR SERVER_DIR JAR CLASSPATH JVM_OPTION...
#   makes the cache when missing or older than JAR, then sets the array AOT_OPTIONS to the options
#   that use it (empty when off, unsupported or failed). Messages go to stderr only.
aot_cache_options() {
  local aot_java="$1" aot_major="$2" aot_dir="$3" aot_jar="$4" aot_cp="$5"
  shift 5
  local cache="$aot_dir/tributary.aot"
  AOT_OPTIONS=()
  [[ "${TRIBUTARY_AOT:-1}" != 0 ]] && (( aot_major >= 25 )) || return 0
  if [[ ! -f "$cache" || "$aot_jar" -nt "$cache" ]]; then
    echo "tributary: preparing the start-up cache (once per build, a few seconds)…" >&2
    rm -f "$cache"
    # made under a name of its own and renamed into place, so that a command started meanwhile never
    # maps a half-written cache
    local made="$cache.$$"
    if "$aot_java/bin/java" "$@" -XX:AOTCacheOutput="$made" -cp "$aot_cp" \
      io.tributary.server.cli.AotTraining >"$aot_dir/aot-training.log" 2>&1 && [[ -f "$made" ]]; then
      mv -f "$made" "$cache"
    else
      rm -f "$made"
      echo "tributary: no start-up cache (see $aot_dir/aot-training.log); starting without it" >&2
    fi
  fi
  if [[ -f "$cache" ]]; then
    AOT_OPTIONS=(-XX:AOTCache="$cache" -Xlog:aot=off -Xlog:cds=off)
  fi
}

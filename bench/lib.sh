# Sourced by bench/generate and bench/compare (not run on its own). Defines bench_build, which builds the bench
# module when its sources changed (like the ./veracity launcher does for the CLI; build output goes to stderr) and
# sets BENCH_CP, the class path to run its main classes with plain `java`, so Maven never runs inside a timed run.
# Needs $root (the repository root).

bench_java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

bench_sources_hash() {
  (cd "$root" && find pom.xml .mvn bench/pom.xml bench/src -type f -print0 \
    | LC_ALL=C sort -z | xargs -0 sha1sum | sha1sum | cut -d' ' -f1)
}

bench_build() {
  local target="$root/bench/target" hash
  local stamp="$target/bench-build.stamp"
  hash="$(bench_sources_hash)"
  if [ "$(cat "$stamp" 2>/dev/null || true)" != "$hash" ] || ! compgen -G "$target/lib/duckdb_jdbc-*.jar" >/dev/null; then
    mkdir -p "$target"
    exec 8>"$target/bench-build.lock"
    if command -v flock >/dev/null 2>&1; then flock 8; fi
    if [ "$(cat "$stamp" 2>/dev/null || true)" != "$hash" ] || ! compgen -G "$target/lib/duckdb_jdbc-*.jar" >/dev/null; then
      echo "bench: building the bench module (first use or sources changed)..." >&2
      # This module and the modules its JMH benchmarks call (core, transform; -am: from the reactor).
      if ! (cd "$root" && ./mvnw -q -B -Pbench -DskipTests -pl bench -am package) 1>&2; then
        echo "bench: the build of the bench module failed (output above)" >&2
        exit 3
      fi
      echo "$hash" > "$stamp"
    fi
    exec 8>&-
  fi
  BENCH_CP="$target/classes:$target/lib/*"
}

#!/usr/bin/env bash
# Read route on loopback: direct vs gateway vs nginx, in one run. Prints req/s, p50/p99 and the ratios.
# Usage: gateway/bench/run-benchmark.sh [-Dbench.seconds=15] [-Dbench.warmup=8] [-Dbench.concurrency=32]
set -euo pipefail
cd "$(dirname "$0")/../.."   # repository root

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "nginx missing: installing the Debian package" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi

./mvnw -B -q -f gateway/pom.xml test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test

# The build compiles for 21+ with a JDK found by toolchains; run with one too.
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/java}"
if [ -z "$JAVA" ] || ! "$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA="$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | while read -r j; do
    "$j" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && echo "$j"; done | tail -1)"
fi
[ -n "$JAVA" ] || { echo "need a JDK 21+ under /usr/lib/jvm or JAVA_HOME" >&2; exit 1; }

exec "$JAVA" "$@" -cp "gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/bench.classpath)" \
  io.newsroom.gateway.bench.ReadRouteBenchmark

#!/usr/bin/env bash
# The read route on loopback: direct, scg-bare, gateway, nginx — closed loop (wrk), per-filter costs and open loop
# at a fixed rate, in one run, from a fresh clone. Builds what it needs with the reactor (nothing is installed into
# ~/.m2), installs Debian's wrk, nginx and redis-server when missing (as root, apt-get).
# Usage: gateway/bench/run-benchmark.sh [-Dbench.seconds=15] [-Dbench.rounds=3] [-Dbench.only=closed,filters,open] ...
# MVN_FLAGS (e.g. "-o" to build offline) go to Maven.
set -euo pipefail
cd "$(dirname "$0")/../.."   # repository root

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
{ command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } || missing+=(nginx)
{ command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ]; } || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}" >&2
  [ "$(id -u)" = 0 ] || { echo "not root: sudo apt-get install -y ${missing[*]}" >&2; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi

# The gateway and what it needs (parent POM, local-infra, ...) from this checkout, in one reactor; then the bare SCG
# app (its own tiny module, parent resolved from ../../../pom.xml). Classpaths point into target/ directories.
./mvnw -B -q ${MVN_FLAGS:-} -pl gateway -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test -Dmaven.test.skip.exec=true
./mvnw -B -q ${MVN_FLAGS:-} -f gateway/bench/scg-bare/pom.xml package dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath
SCG_BARE_CP="gateway/bench/scg-bare/target/classes:$(cat gateway/bench/scg-bare/target/bench.classpath)"
# In a reactor build, sibling modules resolve to their target/classes: keep them.
GATEWAY_CP="gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/bench.classpath)"

# The JVM flags production runs with: the gateway Deployment's JAVA_TOOL_OPTIONS (deploy/base/apps/gateway).
JVM_FLAGS="$(grep -A1 'name: JAVA_TOOL_OPTIONS' deploy/base/apps/gateway/deployment.yaml | sed -n 's/.*value: "\(.*\)"/\1/p')"
[ -n "$JVM_FLAGS" ] || { echo "no JAVA_TOOL_OPTIONS in deploy/base/apps/gateway/deployment.yaml" >&2; exit 1; }

# Production's trace sampling (deploy/base/apps/gateway/config.env): without it the gateway would sample every request.
TRACE_SAMPLING="$(sed -n 's/^MANAGEMENT_TRACING_SAMPLING_PROBABILITY=//p' deploy/base/apps/gateway/config.env)"
[ -n "$TRACE_SAMPLING" ] || { echo "no MANAGEMENT_TRACING_SAMPLING_PROBABILITY in deploy/base/apps/gateway/config.env" >&2; exit 1; }

# The build compiles for 21+ with a JDK found by toolchains; run with one too.
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/java}"
if [ -z "$JAVA" ] || ! "$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA="$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | while read -r j; do
    "$j" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && echo "$j"; done | tail -1)"
fi
[ -n "$JAVA" ] || { echo "need a JDK 21+ under /usr/lib/jvm or JAVA_HOME" >&2; exit 1; }

exec "$JAVA" -Xmx512m "-Dbench.jvm-flags=$JVM_FLAGS" "-Dbench.trace-sampling=$TRACE_SAMPLING" "-Dbench.scg-bare-classpath=$SCG_BARE_CP" "$@" \
  -cp "$GATEWAY_CP" io.newsroom.gateway.bench.ReadRouteBenchmark

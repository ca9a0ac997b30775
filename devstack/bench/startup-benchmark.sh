#!/usr/bin/env bash
# Issue 16's start-up benchmark, from a fresh clone: builds every service jar and devstack with the reactor (nothing is
# installed into ~/.m2), then runs io.newsroom.devstack.StartupBenchmark (devstack's test sources; see its Javadoc).
# Usage: devstack/bench/startup-benchmark.sh [-Dbench.rounds=5] [-Dbench.only=services,devstack]
#        [-Dbench.services=article-service,gateway] [-Dbench.devstack-rounds=2] [-Dbench.variants=aot]
#        [-Dbench.improved-flags="-XX:NativeMemoryTracking=summary" -Dbench.nmt=true]
# MVN_FLAGS (e.g. "-o" to build offline) go to Maven. The devstack part needs devstack's ports free (no devstack running).
set -euo pipefail
cd "$(dirname "$0")/../.."   # repository root

./mvnw -B -q ${MVN_FLAGS:-} -pl auth-server,article-service,comment-service,search-service,gateway,web,devstack -am \
  package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
# In a reactor build, sibling modules resolve to their target/classes: keep them.
CP="devstack/target/test-classes:devstack/target/classes:$(cat devstack/target/bench.classpath)"

# The JVM flags production runs with now: each Deployment's JAVA_TOOL_OPTIONS (deploy/base/apps/<service>); the
# improved starts use them with the AOT cache (auth-server, which has no Deployment, article-service's). The baseline:
# the flags the Deployments had before issue 16, from the jar.
deployment_flags() {
  grep -A1 'name: JAVA_TOOL_OPTIONS' "deploy/base/apps/$1/deployment.yaml" | sed -n 's/.*value: "\(.*\)"/\1/p'
}
JVM_FLAGS="$(deployment_flags article-service)"
[ -n "$JVM_FLAGS" ] || { echo "no JAVA_TOOL_OPTIONS in deploy/base/apps/article-service/deployment.yaml" >&2; exit 1; }
PER_SERVICE=()
for deployment in deploy/base/apps/*/deployment.yaml; do
  service="$(basename "$(dirname "$deployment")")"
  PER_SERVICE+=("-Dbench.jvm-flags.$service=$(deployment_flags "$service")")
done
BASELINE_FLAGS="-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"

# The JDK AOT cache needs JDK 25: the newest JDK under /usr/lib/jvm (or JAVA_HOME if it is 25+).
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/java}"
if [ -z "$JAVA" ] || ! "$JAVA" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
  JAVA="$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | while read -r j; do
    "$j" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])' && echo "$j"; done | tail -1)"
fi
[ -n "$JAVA" ] || { echo "need a JDK 25+ under /usr/lib/jvm or JAVA_HOME" >&2; exit 1; }

exec "$JAVA" -Xmx1g "-Dbench.root=$PWD" "-Dbench.jvm-flags=$JVM_FLAGS" "${PER_SERVICE[@]}" "-Dbench.baseline-flags=$BASELINE_FLAGS" \
  "$@" -cp "$CP" io.newsroom.devstack.StartupBenchmark

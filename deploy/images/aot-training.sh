#!/bin/sh
# The JDK AOT cache's training run of a service image (issue 16), run by deploy/images/Dockerfile as it builds the image
# and by devstack's ImageAotTrainingIT on every build:
#
#   aot-training.sh /app/app.jar /app/app.aot
#
# Starts the service from its extracted jar (the class path the pod will use) until its Spring context is refreshed
# (-Dspring.context.exit=onRefresh: every bean is built, nothing is started); the JVM then writes the classes it loaded
# and linked, and their profiles, to the cache as it exits. An image build reaches no data store, and the refresh needs
# none except for Flyway's migration, which is therefore off for this run only (the pod migrates as it starts). Fails,
# and with it the image build, if the run fails or writes no cache: a cache from a half-built context would start pods
# slower without anyone noticing.
set -eu
JAR=${1:?the extracted application jar}
CACHE=${2:?the AOT cache to write}
"${JAVA:-java}" -XX:AOTCacheOutput="$CACHE" -Dspring.context.exit=onRefresh -jar "$JAR" --spring.flyway.enabled=false
test -s "$CACHE" || { echo "aot-training: no AOT cache written to $CACHE" >&2; exit 1; }

#!/usr/bin/env bash
# Builds and pushes the service images with Jib: no Docker daemon, no Dockerfile, no pom changes (the plugin is
# called by its coordinates). Needs network access to the base image's registry and the target registry.
#
#   deploy/images/jib.sh registry.example.com/newsroom 0.1.0            # all services
#   deploy/images/jib.sh registry.example.com/newsroom 0.1.0 gateway    # one
#
# Registry credentials: `docker login`-style config (~/.docker/config.json) or -Djib.to.auth.username/password.
set -euo pipefail
REGISTRY=${1:?registry prefix, e.g. registry.example.com/newsroom}
TAG=${2:?image tag, e.g. 0.1.0}
shift 2
SERVICES=${*:-article-service comment-service search-service gateway web}
JIB=com.google.cloud.tools:jib-maven-plugin:3.5.2:build
BASE=${JIB_BASE_IMAGE:-eclipse-temurin:21-jre}

cd "$(dirname "$0")/../.."
# The shared libraries (and the parent pom, -am) first, so each service build below can run alone (Jib must not run on
# a library module).
./mvnw -B -DskipTests -pl events,local-infra,outbox,service-edge -am install
for service in $SERVICES; do
  ./mvnw -B -pl "$service" -DskipTests package "$JIB" \
    -Djib.from.image="$BASE" \
    -Djib.to.image="$REGISTRY/$service:$TAG" \
    -Djib.container.user=65532:65532 \
    -Djib.container.jvmFlags=-XX:MaxRAMPercentage=70,-XX:InitialRAMPercentage=10,-XX:TrimNativeHeapInterval=1000,-XX:+ExitOnOutOfMemoryError \
    -Djib.container.creationTime=USE_CURRENT_TIMESTAMP
done

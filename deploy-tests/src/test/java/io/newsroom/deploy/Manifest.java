package io.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One object of a rendered kustomization, with the file it came from (kustomize's origin annotation),
 * so every failure message can name the file to fix.
 */
record Manifest(String target, String file, JsonNode tree) {

    String apiVersion() {
        return tree.path("apiVersion").asText();
    }

    String kind() {
        return tree.path("kind").asText();
    }

    String name() {
        return tree.path("metadata").path("name").asText();
    }

    /** {@code group/version} without the version: "" for core, "apps", "kafka.strimzi.io", ... */
    String group() {
        String apiVersion = apiVersion();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    boolean is(String kind) {
        return kind().equals(kind);
    }

    /** "[prod] deploy/base/apps/gateway/deployment.yaml (Deployment gateway)": the prefix of every failure. */
    String where() {
        return "[" + target + "] " + file + " (" + kind() + " " + name() + ")";
    }
}

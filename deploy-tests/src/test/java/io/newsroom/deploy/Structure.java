package io.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A small structural checker for custom resources without a typed model on Maven Central. */
final class Structure {

    private final Manifest manifest;
    private final List<String> problems = new ArrayList<>();

    Structure(Manifest manifest) {
        this.manifest = manifest;
    }

    List<String> problems() {
        return problems;
    }

    /** Dotted path with indexes: "spec.nodeSets[0].count". */
    JsonNode at(String path) {
        JsonNode node = manifest.tree();
        for (String part : path.split("\\.")) {
            String field = part.contains("[") ? part.substring(0, part.indexOf('[')) : part;
            node = node.path(field);
            if (part.contains("[")) {
                node = node.path(Integer.parseInt(part.substring(part.indexOf('[') + 1, part.indexOf(']'))));
            }
        }
        return node;
    }

    Structure required(String path, JsonNodeType type) {
        JsonNode node = at(path);
        if (node.isMissingNode() || node.isNull()) {
            fail(path, "is required");
        } else if (node.getNodeType() != type) {
            fail(path, "must be " + type + " but is " + node.getNodeType());
        }
        return this;
    }

    Structure optional(String path, JsonNodeType type) {
        JsonNode node = at(path);
        if (!node.isMissingNode() && node.getNodeType() != type) {
            fail(path, "must be " + type + " but is " + node.getNodeType());
        }
        return this;
    }

    /** Rejects any field of the object at path that is not in the CRD (listed from the CRD's schema). */
    Structure onlyKeys(String path, Set<String> allowed) {
        JsonNode node = at(path);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                fail(path + "." + name, "unknown field (the CRD allows " + new TreeSet<>(allowed) + ")");
            }
        }
        return this;
    }

    /** Every value of the map at path must be a string (KEDA trigger metadata, for example). */
    Structure stringValues(String path) {
        JsonNode node = at(path);
        node.fields().forEachRemaining(field -> {
            if (!field.getValue().isTextual()) {
                fail(path + "." + field.getKey(), "must be a string (quote it)");
            }
        });
        return this;
    }

    Structure matches(String path, String regex) {
        JsonNode node = at(path);
        if (!node.asText().matches(regex)) {
            fail(path, "'" + node.asText() + "' does not match " + regex);
        }
        return this;
    }

    void fail(String path, String message) {
        problems.add(manifest.where() + ": field '" + path + "' " + message);
    }
}

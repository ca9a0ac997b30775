package io.newsroom.devstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Plausible values for an operation's parameters and body, as a client reading the document would send: ids and
 * slugs of real articles and comments ({@link Fixtures}), enum values, examples, and schema-shaped bodies.
 */
final class PlausibleRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Fixtures fixtures;

    PlausibleRequests(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    /** A value for a path variable or query parameter, or null when an optional one is better left out. */
    String value(ApiDocuments.Param param, JsonNode document) {
        String name = param.name().toLowerCase(Locale.ROOT);
        JsonNode schema = ApiDocuments.resolve(document, param.schema());
        String known = switch (name) {
            case "id", "articleid" -> fixtures.ownId();
            case "slug" -> fixtures.ownSlug();
            case "commentid" -> fixtures.commentId();
            case "articleids" -> fixtures.ownId() + "," + fixtures.demoId();
            case "limit" -> "2";
            case "q" -> "ceasefire";
            case "prefix" -> "isr";
            case "email" -> "reader@example.org";
            case "section" -> "world";
            case "tag" -> "Ferries";
            default -> null;
        };
        if (known != null) {
            return known;
        }
        if (!param.required()) {
            return null;
        }
        return scalar(schema, name).asString();
    }

    /** Whether the value came from real data (so a 404 would mean the route, not the resource, is missing). */
    static boolean isRealData(ApiDocuments.Param param) {
        return switch (param.name().toLowerCase(Locale.ROOT)) {
            case "id", "articleid", "slug", "commentid" -> true;
            default -> false;
        };
    }

    String url(ApiDocuments.Operation operation, JsonNode document) {
        String path = operation.pathTemplate();
        for (var param : operation.in("path")) {
            path = path.replace("{" + param.name() + "}", encode(value(param, document)));
        }
        var query = new StringBuilder();
        for (var param : operation.in("query")) {
            String value = value(param, document);
            if (value != null) {
                query.append(query.isEmpty() ? '?' : '&').append(encode(param.name())).append('=').append(encode(value));
            }
        }
        return RunningPlatform.GATEWAY + path + query;
    }

    Map<String, String> headers(ApiDocuments.Operation operation, JsonNode document) {
        var headers = new LinkedHashMap<String, String>();
        for (var param : operation.in("header")) {
            if (param.name().equalsIgnoreCase("If-Match")) {
                headers.put("If-Match", currentEtag());
            } else if (param.required()) {
                headers.put(param.name(), scalar(ApiDocuments.resolve(document, param.schema()), param.name()).asString());
            }
        }
        return headers;
    }

    private String currentEtag() {
        var response = PlatformClient.get(RunningPlatform.GATEWAY + "/api/v1/editor/articles/" + fixtures.ownId(), PlatformClient.token("EDITOR"));
        return java.util.Objects.requireNonNullElse(response.header("ETag"), "\"0\"");
    }

    /** A body shaped like the schema: required and listed properties with plausible values. */
    static JsonNode sample(JsonNode document, JsonNode schemaRef, int depth) {
        JsonNode schema = ApiDocuments.resolve(document, schemaRef);
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            schema.get("allOf").forEach(part -> {
                JsonNode sample = sample(document, part, depth + 1);
                if (sample instanceof ObjectNode object) {
                    merged.setAll(object);
                }
            });
            return merged;
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return sample(document, (schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")).get(0), depth + 1);
        }
        String type = type(schema);
        if (depth > 6) {
            return type.equals("array") ? NODES.arrayNode() : NODES.nullNode();
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (var property : schema.path("properties").properties()) {
                    JsonNode propertySchema = ApiDocuments.resolve(document, property.getValue());
                    if (propertySchema.path("readOnly").asBoolean(false)) {
                        continue;
                    }
                    object.set(property.getKey(), sample(document, property.getValue(), depth + 1));
                }
                return object;
            }
            case "array" -> {
                var array = NODES.arrayNode();
                array.add(sample(document, schema.path("items"), depth + 1));
                return array;
            }
            default -> {
                return scalar(schema, "value");
            }
        }
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    static JsonNode scalar(JsonNode schema, String name) {
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        String format = schema.path("format").asString("");
        return switch (type(schema)) {
            case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asInt(1)));
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> switch (format) {
                case "uuid" -> NODES.stringNode(UUID.randomUUID().toString());
                case "date-time" -> NODES.stringNode(OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).withNano(0).toString());
                case "date" -> NODES.stringNode(LocalDate.now(ZoneOffset.UTC).toString());
                case "email" -> NODES.stringNode("reader@example.org");
                case "uri" -> NODES.stringNode("https://example.org/");
                default -> NODES.stringNode(name.toLowerCase(Locale.ROOT).contains("zone") ? "Europe/London" : "Contract check");
            };
        };
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

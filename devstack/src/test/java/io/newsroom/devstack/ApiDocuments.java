package io.newsroom.devstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import io.newsroom.infra.http.HttpTestResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The four OpenAPI documents a client reads through the gateway, and the operations they describe, each with
 * the URL template a client builds from them: the gateway + {@code servers[0].url} + the path.
 */
final class ApiDocuments {

    /** Document name → where the gateway serves it. */
    static final Map<String, String> LOCATIONS = new LinkedHashMap<>();

    static {
        LOCATIONS.put("article", "/openapi/article");
        LOCATIONS.put("comment", "/openapi/comment");
        LOCATIONS.put("search", "/openapi/search");
        LOCATIONS.put("gateway", "/v3/api-docs");
    }

    private static final List<String> METHODS = List.of("get", "head", "post", "put", "patch", "delete", "options");

    record Fetched(String name, String url, int status, String contentType, String body, JsonNode document, Path file) {
        boolean usable() {
            return document != null && document.has("paths");
        }
    }

    record Param(String name, String in, boolean required, JsonNode schema) {
    }

    record Operation(String document, String method, String pathTemplate, String operationId, List<Param> parameters,
                     JsonNode requestBody, String requestContentType, boolean bodyRequired, Set<Integer> statuses,
                     boolean secured, String requiredRole) {

        String describe() {
            return "%s %s (%s: %s)".formatted(method, pathTemplate, document, operationId);
        }

        List<Param> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    private static volatile Map<String, Fetched> fetched;

    private ApiDocuments() {
    }

    /** Fetched once per run, written to target/openapi/&lt;name&gt;.json (whatever came back, for reading). */
    static synchronized Map<String, Fetched> fetchAll() {
        if (fetched == null) {
            var all = new LinkedHashMap<String, Fetched>();
            LOCATIONS.forEach((name, location) -> all.put(name, fetch(name, RunningPlatform.GATEWAY + location)));
            fetched = all;
        }
        return fetched;
    }

    private static Fetched fetch(String name, String url) {
        HttpTestResponse response = PlatformClient.get(url, null);
        JsonNode document = null;
        try {
            document = PlatformClient.JSON.readTree(response.body());
        } catch (RuntimeException e) {
            // not JSON: reported by the tests that need it
        }
        try {
            Path file = Path.of("target", "openapi", name + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, response.body());
            return new Fetched(name, url, response.status(), java.util.Objects.requireNonNullElse(response.contentType(), ""),
                    response.body(), document, file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation of every usable document. */
    static List<Operation> operations() {
        var operations = new ArrayList<Operation>();
        fetchAll().values().stream().filter(Fetched::usable).forEach(f -> operations.addAll(operations(f.name(), f.document())));
        return operations;
    }

    static String serverPath(JsonNode document) {
        JsonNode servers = document.path("servers");
        if (!servers.isArray() || servers.isEmpty()) {
            return "";
        }
        String url = servers.get(0).path("url").asString("");
        String path = URI.create(url).getRawPath();
        return path == null || path.equals("/") ? "" : path.replaceAll("/$", "");
    }

    static List<Operation> operations(String name, JsonNode document) {
        var operations = new ArrayList<Operation>();
        String base = serverPath(document);
        JsonNode globalSecurity = document.path("security");
        for (var pathEntry : document.path("paths").properties()) {
            JsonNode pathItem = pathEntry.getValue();
            List<JsonNode> shared = new ArrayList<>();
            pathItem.path("parameters").forEach(shared::add);
            for (String method : METHODS) {
                JsonNode op = pathItem.get(method);
                if (op == null) {
                    continue;
                }
                var params = new LinkedHashMap<String, Param>();
                List<JsonNode> all = new ArrayList<>(shared);
                op.path("parameters").forEach(all::add);
                for (JsonNode p : all) {
                    JsonNode param = resolve(document, p);
                    params.put(param.path("in").asString() + ":" + param.path("name").asString(), new Param(param.path("name").asString(),
                            param.path("in").asString(), param.path("required").asBoolean(false), resolve(document, param.path("schema"))));
                }
                JsonNode requestBody = null;
                String contentType = null;
                boolean bodyRequired = false;
                if (op.has("requestBody")) {
                    JsonNode body = resolve(document, op.get("requestBody"));
                    bodyRequired = body.path("required").asBoolean(false);
                    var content = body.path("content").properties().iterator();
                    if (content.hasNext()) {
                        var first = content.next();
                        contentType = first.getKey();
                        requestBody = first.getValue().path("schema");
                    }
                }
                Set<Integer> statuses = new LinkedHashSet<>();
                for (var response : op.path("responses").properties()) {
                    String code = response.getKey();
                    if (code.matches("\\d{3}")) {
                        statuses.add(Integer.parseInt(code));
                    } else if (code.matches("[1-5]XX")) {
                        int hundred = (code.charAt(0) - '0') * 100;
                        for (int s = hundred; s < hundred + 100; s++) {
                            statuses.add(s);
                        }
                    }
                }
                JsonNode security = op.has("security") ? op.get("security") : globalSecurity;
                boolean secured = security.isArray() && !security.isEmpty() && security.valueStream().noneMatch(JsonNode::isEmpty);
                String path = publicPath(base, pathEntry.getKey());
                operations.add(new Operation(name, method.toUpperCase(Locale.ROOT), path, op.path("operationId").asString(""),
                        List.copyOf(params.values()), requestBody, contentType, bodyRequired, statuses, secured, roleFor(path)));
            }
        }
        return operations;
    }

    /**
     * The gateway path of a documented operation: {@code servers[0].url} + path when that is a gateway path
     * ({@code /api/v1/...}, the contract). A document that does not follow the contract yet (a service's own
     * address as server, paths without {@code /api/v1}: the defect ApiContractIT reports on the document itself)
     * is read as the gateway routes it: {@code /api/v1/{rest}} → the service's {@code /{rest}} (comment-service's
     * older {@code /api/{rest}}), so the operation tests and the fuzz still reach every documented operation.
     */
    static String publicPath(String serverPath, String path) {
        String full = serverPath + path;
        if (full.startsWith("/api/v1/")) {
            return full;
        }
        if (path.startsWith("/api/") && !path.startsWith("/api/v1/")) {
            return "/api/v1" + path.substring("/api".length());
        }
        return "/api/v1" + path;
    }

    /** The role the gateway's access rules ask for on that public path (gateway application.yaml). */
    static String roleFor(String path) {
        if (path.startsWith("/api/v1/editor/")) {
            return "EDITOR";
        }
        if (path.startsWith("/api/v1/moderation/")) {
            return "MODERATOR";
        }
        if (path.startsWith("/api/v1/admin/")) {
            return "ADMIN";
        }
        return null;
    }

    /** Follows local {@code $ref}s ({@code #/components/...}). */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current != null && current.has("$ref") && depth < 20; depth++) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                return JsonNodeFactory.instance.objectNode();
            }
            current = document.at(ref.substring(1));
        }
        return current == null || current.isMissingNode() ? JsonNodeFactory.instance.objectNode() : current;
    }

    static JsonNode document(String name) {
        Fetched f = fetchAll().get(name);
        return f == null ? null : f.document();
    }
}

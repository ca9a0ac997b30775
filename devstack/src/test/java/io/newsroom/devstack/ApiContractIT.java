package io.newsroom.devstack;

import io.newsroom.infra.http.HttpTestResponse;
import io.newsroom.infra.node.NodeTools;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API as its documents describe it, on the running platform, through the gateway: the four OpenAPI
 * documents pass Redocly CLI's {@code recommended} rules, every documented operation exists and answers a status
 * it documents, and every gateway route is documented. Failures list every offending operation, not the first.
 */
@ExtendWith(RunningPlatform.class)
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiContractIT {

    @Test
    @Order(1)
    void theFourDocumentsAreServedThroughTheGatewayWithTheGatewayAsServer() {
        var problems = new ArrayList<String>();
        ApiDocuments.fetchAll().values().forEach(f -> {
            if (f.status() != 200 || !f.usable()) {
                problems.add("%s: %s answers %d %s: %s".formatted(f.name(), f.url(), f.status(), f.contentType(), ProblemResponses.abbreviate(f.body(), 160)));
                return;
            }
            JsonNode servers = f.document().path("servers");
            String server = servers.isArray() && !servers.isEmpty() ? servers.get(0).path("url").asString("") : "(none)";
            if (!server.equals("/api/v1")) {
                problems.add("%s: servers[0].url is '%s', not /api/v1 (Try it out would bypass the gateway)".formatted(f.name(), server));
            }
        });
        problems.forEach(p -> System.out.println("openapi documents: " + p));
        assertThat(problems).as("OpenAPI documents through the gateway").isEmpty();
    }

    /** No telemetry, no update check: the version is pinned on purpose. */
    private static final java.util.Map<String, String> REDOCLY_QUIET =
            java.util.Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");

    @Test
    @Order(2)
    void theDocumentsPassRedoclyRecommendedRules() {
        Path tool = NodeTools.install(Path.of("src/test/node"), Path.of("target/node-tools/redocly"));
        var errors = new ArrayList<String>();
        for (var f : ApiDocuments.fetchAll().values()) {
            if (!f.usable()) {
                errors.add(f.name() + ": no OpenAPI document to lint (" + f.url() + " answered " + f.status() + ")");
                continue;
            }
            var result = NodeTools.run(tool, Duration.ofMinutes(2), REDOCLY_QUIET, tool.resolve("node_modules/.bin/redocly").toAbsolutePath().toString(), "lint", f.file().toString(),
                    "--extends", "recommended", "--format", "json", "--max-problems", "1000");
            JsonNode report;
            try {
                report = PlatformClient.JSON.readTree(result.stdout());
            } catch (RuntimeException e) {
                errors.add(f.name() + ": redocly did not report (exit " + result.exitCode() + "): " + result.stderr());
                continue;
            }
            for (JsonNode problem : report.path("problems")) {
                String pointer = problem.path("location").path(0).path("pointer").asString("");
                String line = "%s: %s %s at %s: %s".formatted(f.name(), problem.path("severity").asString(), problem.path("ruleId").asString(),
                        pointer, problem.path("message").asString());
                System.out.println("redocly: " + line);
                if (problem.path("severity").asString().equals("error")) {
                    errors.add(line);
                }
            }
            System.out.printf("redocly: %s: %d errors, %d warnings (%s)%n", f.name(), report.path("totals").path("errors").asInt(),
                    report.path("totals").path("warnings").asInt(), f.file());
        }
        assertThat(errors).as("Redocly recommended: error-severity problems").isEmpty();
    }

    @Test
    @Order(3)
    void everyDocumentedOperationExistsAndAnswersADocumentedStatus() {
        var fixtures = Fixtures.get();
        var requests = new PlausibleRequests(fixtures);
        var operations = new ArrayList<>(ApiDocuments.operations());
        assertThat(operations).as("documented operations").isNotEmpty();
        // reads first, then writes, removals last, so a removal does not turn a later read into a 404
        operations.sort(Comparator.comparingInt(ApiContractIT::phase));

        var failures = new ArrayList<String>();
        int called = 0;
        for (var operation : operations) {
            JsonNode document = ApiDocuments.document(operation.document());
            String url = requests.url(operation, document);
            var request = PlatformClient.request(operation.method(), url).timeout(Duration.ofSeconds(20));
            requests.headers(operation, document).forEach(request::header);
            if (operation.requiredRole() != null) {
                request.header("Authorization", "Bearer " + PlatformClient.token(operation.requiredRole()));
            }
            String body = null;
            if (operation.requestBody() != null) {
                body = PlausibleRequests.sample(document, operation.requestBody(), 0).toString();
                request.body(operation.requestContentType(), body);
            }
            HttpTestResponse response = request.send();
            called++;
            int status = response.status();
            String contentType = response.contentType();
            System.out.printf("operation: %-60s -> %d%n", operation.describe(), status);

            String failure = null;
            boolean realData = operation.in("path").stream().allMatch(PlausibleRequests::isRealData);
            if (status >= 500) {
                failure = "5xx";
            } else if (status == 405) {
                failure = "405: the documented method is not routed";
            } else if (status == 404 && (realData || !operation.statuses().contains(404))) {
                failure = "404 with existing ids: the documented path is not routed or not implemented";
            } else if (!operation.statuses().contains(status)) {
                failure = "status not documented (documented: " + operation.statuses() + ")";
            } else {
                failure = ProblemResponses.violation(status, contentType, response.body(), operation.method(), URI.create(url).getRawPath());
            }
            if (failure != null) {
                failures.add("%s: %s %s -> %d %s: %s%s".formatted(operation.describe(), operation.method(), url, status, failure,
                        ProblemResponses.abbreviate(response.body(), 200), body == null ? "" : "  [body " + ProblemResponses.abbreviate(body, 200) + "]"));
            }
            if (operation.method().equals("GET")) {
                // HEAD works wherever GET does (contract): same status, no body
                var head = PlatformClient.request("HEAD", url).timeout(Duration.ofSeconds(20));
                if (operation.requiredRole() != null) {
                    head.header("Authorization", "Bearer " + PlatformClient.token(operation.requiredRole()));
                }
                int headStatus = head.send().status();
                called++;
                if (headStatus != status) {
                    failures.add("%s: HEAD %s -> %d, but GET -> %d".formatted(operation.describe(), url, headStatus, status));
                }
            }
        }
        System.out.printf("operations: %d documented, %d requests, %d failures%n", operations.size(), called, failures.size());
        failures.forEach(f -> System.out.println("FAILED operation: " + f));
        assertThat(failures).as("documented operations called through the gateway").isEmpty();
    }

    @Test
    @Order(4)
    void everyGatewayRouteIsDocumented() {
        var documentedPaths = ApiDocuments.operations().stream()
                .map(op -> op.pathTemplate().replaceAll("\\{[^}/]+}", "p4r4m")).distinct().toList();
        var missing = new ArrayList<String>();
        for (var route : gatewayRoutes().entrySet()) {
            if (route.getKey().equals("web")) {
                continue; // the reader site (module web): HTML pages, not API operations
            }
            for (String pattern : route.getValue()) {
                if (pattern.startsWith("/openapi/")) {
                    if (!ApiDocuments.LOCATIONS.containsValue(pattern)) {
                        missing.add(route.getKey() + ": " + pattern + " is not one of the documents read");
                    }
                    continue;
                }
                Pattern regex = Pattern.compile(antToRegex(pattern));
                if (documentedPaths.stream().noneMatch(path -> regex.matcher(path).matches())) {
                    missing.add(route.getKey() + ": " + pattern + " matches no documented path");
                }
            }
        }
        missing.forEach(m -> System.out.println("undocumented route: " + m));
        assertThat(missing).as("gateway routes without a documented operation").isEmpty();
    }

    /** Route id → its Path predicate patterns, from the gateway's application.yaml (what the gateway is built from). */
    static Map<String, List<String>> gatewayRoutes() {
        Path root = Path.of(System.getProperty("newsroom.devstack.root", "..")).toAbsolutePath().normalize();
        JsonNode yaml = new YAMLMapper().readTree(root.resolve("gateway/src/main/resources/application.yaml").toFile());
        JsonNode routes = yaml.at("/spring/cloud/gateway/server/webflux/routes");
        assertThat(routes.isArray() && !routes.isEmpty()).as("routes in gateway application.yaml").isTrue();
        var result = new java.util.LinkedHashMap<String, List<String>>();
        for (JsonNode route : routes) {
            var patterns = new ArrayList<String>();
            for (JsonNode predicate : route.path("predicates")) {
                String text = predicate.isString() ? predicate.asString() : "";
                if (text.startsWith("Path=")) {
                    for (String p : text.substring("Path=".length()).split(",")) {
                        patterns.add(p.trim());
                    }
                } else if (predicate.path("name").asString("").equals("Path")) {
                    predicate.path("args").forEach(a -> patterns.add(a.asString()));
                }
            }
            result.put(route.path("id").asString(), patterns);
        }
        return result;
    }

    static String antToRegex(String pattern) {
        var regex = new StringBuilder();
        String[] parts = pattern.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.equals("**")) {
                regex.append("(/.*)?");
            } else {
                regex.append('/').append(part.equals("*") ? "[^/]+" : Pattern.quote(part).replace("*", "\\E[^/]*\\Q"));
            }
        }
        return regex.toString();
    }

    private static int phase(ApiDocuments.Operation operation) {
        String path = operation.pathTemplate();
        return switch (operation.method()) {
            case "GET", "HEAD" -> 0;
            case "DELETE" -> 3;
            default -> path.contains("unpublish") || path.contains("decisions") || path.contains("rebuild") ? 2 : 1;
        };
    }
}

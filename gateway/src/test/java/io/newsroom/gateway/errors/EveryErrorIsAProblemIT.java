package io.newsroom.gateway.errors;

import java.util.Map;

import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import io.newsroom.infra.http.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Defect 4 of issue 11: whatever goes wrong, and wherever, the client gets application/problem+json. */
class EveryErrorIsAProblemIT extends GatewayTestSupport {

    private static final String INVALID_REQUEST = "https://newsroom.example/problems/invalid-request";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/api/v1/articles/%2F", "/api/v1/articles/a%2fb", "/api/v1/articles/%5C", "/api/v1/articles/%00",
            "/api/v1/articles/%FF", "/api/v1/articles/%C3", "/api/v1/articles/%C3%28",
            "/api/v1/articles/%2e%2e/editor/articles", "/api/v1/articles/%2E", "/api/v1/articles/.%2e",
            "/api/v1/articles/%0A", "/api/v1/articles?cursor=%FF", "/api/v1/search?q=%E2%82",
            "/api/v1/articles//x", "//api/v1/articles",
    })
    void badRequestTargetsAreAnsweredByTheGatewayAsInvalidRequest(String target) {
        HttpTestResponse response = client().get(target);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).isEqualTo(INVALID_REQUEST);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("requestId").asString()).isNotEmpty();
        assertThat(ARTICLES.received()).isEmpty();
        assertThat(COMMENTS.received()).isEmpty();
        assertThat(SEARCH.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/articles/../editor/articles", "/api/v1/articles/./x", "/api/v1/articles/a\\b",
            "/api/v1/articles/..", "/api/v1/articles/%zz", "/api/v1/comment-counts?articleIds=%G0"})
    void rawDotSegmentsBackslashesAndBrokenEscapesAreInvalidRequestsToo(String target) {
        // raw socket: a backslash or a broken escape is no URI, so no HTTP client sends these targets as written
        RawHttp.Response response = RawHttp.send(port, "GET", target, Map.of("X-Forwarded-For", nextReaderAddress()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"status\":400", "\"type\":\"" + INVALID_REQUEST + "\"");
        assertThat(ARTICLES.received()).isEmpty();
    }

    /** Found by the platform fuzz: one raw '[' made the gateway re-encode the query, so '%2e%2e' arrived as '%252e%252e'. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/articles?a[b]=%2e%2e", "/api/v1/search?q=x%5C&tag={x}", "/api/v1/search?q=a|b",
            "/api/v1/search?q=\"quoted\"", "/api/v1/search?q=^x", "/api/v1/search?q=<b>"})
    void unencodedCharactersInTheQueryAreInvalidRequests(String target) {
        // raw socket: these characters are not allowed in a URI, so no HTTP client sends them unencoded
        RawHttp.Response response = RawHttp.send(port, "GET", target, Map.of("X-Forwarded-For", nextReaderAddress()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"" + INVALID_REQUEST + "\"");
        assertThat(ARTICLES.received()).isEmpty();
        assertThat(SEARCH.received()).isEmpty();
    }

    @Test
    void anEncodedQueryReachesTheServiceExactlyAsSent() {
        HttpTestResponse response = client().get("/api/v1/search?a%5Bb%5D=%2e%2e&limit=%5C&q=caf%C3%A9");

        assertThat(response.status()).isEqualTo(200);
        assertThat(SEARCH.last().uri().getRawQuery()).isEqualTo("a%5Bb%5D=%2e%2e&limit=%5C&q=caf%C3%A9");
    }

    @Test
    void wellFormedEncodedCharactersStillPass() {
        assertThat(client().get("/api/v1/search?q=caf%C3%A9%20%E2%82%AC&tag=a%2Fb").status()).isEqualTo(200);
        assertThat(SEARCH.last().uri().getRawQuery()).isEqualTo("q=caf%C3%A9%20%E2%82%AC&tag=a%2Fb");
        assertThat(client().get("/api/v1/articles/caf%C3%A9...").status()).isEqualTo(200);
    }

    @Test
    void aServicesEmptyErrorBecomesAProblemWithTheSameStatus() {
        ARTICLES.answer("/articles/tomcat-says-no", 400, "", Map.of("Content-Type", "text/html"));

        HttpTestResponse response = client().get("/api/v1/articles/tomcat-says-no");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).isEqualTo(INVALID_REQUEST);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/articles/tomcat-says-no");
    }

    @Test
    void theReaderSitesErrorPagesReachTheBrowserAsTheyAre() {
        String page = "<!doctype html><title>Article not found</title><h1>Article not found</h1>";
        SITE.answer("/articles/no-such-story", 404, page, Map.of("Content-Type", "text/html;charset=UTF-8"));
        SITE.answer("/articles/a-story/comments", 422, page, Map.of("Content-Type", "text/html;charset=UTF-8"));

        HttpTestResponse notFound = client().get("/articles/no-such-story");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(MediaType.parseMediaType(notFound.contentType()).isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(notFound.body()).isEqualTo(page);
        HttpTestResponse refused = client().request("POST", "/articles/a-story/comments")
                .form("body", "Hello", "email", "not-an-email").send();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).isEqualTo(page);
        // the same kind of answer from an API service is still a problem
        ARTICLES.answer("/articles/html-404", 404, page, Map.of("Content-Type", "text/html;charset=UTF-8"));
        HttpTestResponse apiNotFound = client().get("/api/v1/articles/html-404");
        assertThat(apiNotFound.status()).isEqualTo(404);
        assertThat(apiNotFound.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
    }

    @Test
    void bootsDefaultErrorJsonNeverReachesTheClient() {
        ARTICLES.answer("/articles/boot-error", 500, """
                {"timestamp":"2026-11-25T08:00:00Z","status":500,"error":"Internal Server Error",
                 "path":"/articles/boot-error","trace":"at io.newsroom.article.Internal"}""", Map.of());

        HttpTestResponse response = client().get("/api/v1/articles/boot-error");
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
        assertThat(response.body()).contains("\"status\":500").doesNotContain("trace", "io.newsroom", "timestamp");
    }

    @Test
    void aProblemLabelledIso88591IsRelabelledUtf8() {
        ARTICLES.answer("/articles/latin", 404, "{\"type\":\"https://newsroom.example/problems/not-found\","
                + "\"status\":404,\"detail\":\"No such article.\"}",
                Map.of("Content-Type", "application/problem+json;charset=ISO-8859-1"));

        HttpTestResponse response = client().get("/api/v1/articles/latin");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers("Content-Type")).containsExactly("application/problem+json");
        assertThat(response.json().path("detail").asString()).isEqualTo("No such article.");
    }

    @Test
    void aServicesOwnProblemPassesUnchanged() {
        ARTICLES.answer("/articles/gone-story", 410, "{\"type\":\"https://newsroom.example/problems/gone\","
                + "\"status\":410,\"detail\":\"Withdrawn.\"}", Map.of("Content-Type", "application/problem+json"));

        HttpTestResponse response = client().get("/api/v1/articles/gone-story");
        assertThat(response.status()).isEqualTo(410);
        assertThat(response.json().path("detail").asString()).isEqualTo("Withdrawn.");
    }

    @Test
    void aTargetOverTheConfiguredLimitIs414Problem() {
        String target = "/api/v1/search?q=" + "x".repeat(9 * 1024);

        HttpTestResponse response = client().get(target);

        assertThat(response.status()).isEqualTo(414);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"status\":414", "8192");
        assertThat(SEARCH.received()).isEmpty();
    }

    @Test
    void aRequestLineEvenNettyRefusesStillGetsAProblemBody() {
        HttpTestResponse response = HttpTestClient.loopback(port).get("/api/v1/search?q=" + "x".repeat(20 * 1024));

        assertThat(response.status()).isEqualTo(414);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"status\":414", "https://newsroom.example/problems/uri-too-long");
    }

    @Test
    void headersEvenNettyRefusesStillGetAProblemBody() {
        HttpTestResponse response = HttpTestClient.loopback(port).get("/api/v1/articles/israel-votes",
                "X-Padding", "p".repeat(40 * 1024));

        assertThat(response.status()).isEqualTo(431);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"status\":431");
        assertThat(ARTICLES.received()).isEmpty();
    }

    @Test
    void gatewayProblemsCarryTheirTypeAndNoCharset() {
        HttpTestResponse response = client().get("/api/v1/horoscopes");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers("Content-Type")).containsExactly("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("https://newsroom.example/problems/not-found");
        assertThat(response.json().path("title").asString()).isEqualTo("Not Found");
    }
}

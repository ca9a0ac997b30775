package io.newsroom.gateway.headers;

import java.nio.charset.StandardCharsets;

import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CORS allowlist, security headers on every kind of response, and request size limits. */
class ProtectionIT extends GatewayTestSupport {

    private static final String CSP_NEEDS = "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @Test
    void preflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
        HttpTestResponse response = client().request("OPTIONS", "/api/v1/articles/a1b2/comments")
                .header("Origin", "https://www.newsroom.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers("Access-Control-Allow-Origin")).containsExactly("https://www.newsroom.example");
        assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(COMMENTS.received()).isEmpty();
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        HttpTestResponse response = client().request("OPTIONS", "/api/v1/articles/a1b2/comments")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .send();
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.json().path("status").asInt()).isEqualTo(403);
        assertThat(response.json().path("detail").asString()).contains("https://evil.example");
        assertThat(response.json().path("requestId").asString()).isNotEmpty();
        assertThat(COMMENTS.received()).isEmpty();
    }

    @Test
    void preflightAskingForAMethodOutsideTheAllowlistIsRefused() {
        HttpTestResponse response = client().request("OPTIONS", "/api/v1/articles/a1b2/comments")
                .header("Origin", "https://www.newsroom.example")
                .header("Access-Control-Request-Method", "TRACE")
                .send();
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
        assertThat(response.json().path("detail").asString()).contains("method or headers");
    }

    @Test
    void crossOriginReadFromAnotherOriginIsRefusedBeforeTheService() {
        HttpTestResponse response = client().get("/api/v1/articles/israel-votes", "Origin", "https://evil.example");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
        assertThat(ARTICLES.received()).isEmpty();
    }

    @Test
    void crossOriginReadCarriesTheAllowOriginAndExposesTheRequestId() {
        HttpTestResponse response = client().get("/api/v1/articles/israel-votes", "Origin", "https://www.newsroom.example");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers("Access-Control-Allow-Origin")).containsExactly("https://www.newsroom.example");
        assertThat(response.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
    }

    @Test
    void securityHeadersOnAProxiedAnswer() {
        expectSecurityHeaders(client().get("/api/v1/articles/israel-votes"), 200);
    }

    @Test
    void siteAnswersKeepTheirOwnContentSecurityPolicyApiAnswersGetTheGateways() {
        String sitePolicy = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
        SITE.answer("/articles/", 200, "{}", java.util.Map.of("Content-Security-Policy", sitePolicy));
        HttpTestResponse page = client().get("/articles/israel-votes");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers("Content-Security-Policy")).containsExactly(sitePolicy);
        assertThat(page.headers("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(SITE.last().uri().getPath()).isEqualTo("/articles/israel-votes");
        assertThat(SITE.last().header("X-Forwarded-For")).isNotBlank();
        // an API path never reaches the site
        int seen = SITE.received().size();
        HttpTestResponse api = client().get("/api/v1/horoscopes");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Security-Policy")).contains(CSP_NEEDS);
        assertThat(client().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(SITE.received()).hasSize(seen);
    }

    @Test
    void securityHeadersOnGatewayErrors() {
        expectSecurityHeaders(client().get("/api/v1/horoscopes"), 404);
        expectSecurityHeaders(client().post("/api/v1/editor/articles", null), 401);
    }

    @Test
    void commentBodyOver16KbIsRefusedBeforeTheService() {
        String body = "{\"body\":\"" + "x".repeat(16 * 1024) + "\"}";

        HttpTestResponse response = client().post("/api/v1/articles/a1b2/comments", body);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
        assertThat(response.json().path("detail").asString()).contains("comment body");
        assertThat(COMMENTS.received()).isEmpty();
    }

    @Test
    void chunkedCommentBodyOver16KbIsRefusedToo() {
        byte[] body = "x".repeat(20 * 1024).getBytes(StandardCharsets.UTF_8);

        HttpTestResponse response = client().request("POST", "/api/v1/articles/a1b2/comments")
                .chunked("application/json", body).send();
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
    }

    @Test
    void commentOfAFewKilobytesPasses() {
        assertThat(client().post("/api/v1/articles/a1b2/comments", "{\"body\":\"" + "x".repeat(8 * 1024) + "\"}")
                .status()).isEqualTo(200);
    }

    @Test
    void anyBodyOver1MbIsRefused() {
        HttpTestResponse response = client().put("/api/v1/editor/articles/a1b2",
                "{\"body\":\"" + "x".repeat(1024 * 1024) + "\"}");
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
    }

    @Test
    void oversizedRequestHeadersGet431() {
        HttpTestResponse response = client().get("/api/v1/articles/israel-votes", "X-Padding", "p".repeat(20 * 1024));
        assertThat(response.status()).isEqualTo(431);
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
        assertThat(response.header("X-Request-Id")).isNotNull();
        assertThat(response.json().path("status").asInt()).isEqualTo(431);
        assertThat(response.json().path("detail").asString()).contains("16384 bytes");
        assertThat(response.json().path("requestId").asString()).isNotEmpty();
        assertThat(ARTICLES.received()).isEmpty();
    }

    @Test
    void manyHeadersAddingUpOverTheLimitGet431Too() {
        var request = client().request("GET", "/api/v1/articles/israel-votes");
        for (int i = 0; i < 20; i++) {
            request.header("X-Padding-" + i, "p".repeat(1024));
        }
        HttpTestResponse response = request.send();
        assertThat(response.status()).isEqualTo(431);
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
        assertThat(ARTICLES.received()).isEmpty();
    }

    @Test
    void headersJustUnderTheLimitPass() {
        assertThat(client().get("/api/v1/articles/israel-votes", "X-Padding", "p".repeat(14 * 1024)).status())
                .isEqualTo(200);
    }

    private static void expectSecurityHeaders(HttpTestResponse response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(response.header("Content-Security-Policy")).contains(CSP_NEEDS);
        assertThat(response.headers("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.header("Referrer-Policy")).isNotNull();
        assertThat(response.header("X-Request-Id")).isNotNull();
    }
}

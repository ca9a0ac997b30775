package io.newsroom.gateway.headers;

import java.nio.charset.StandardCharsets;

import io.newsroom.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/** CORS allowlist, security headers on every kind of response, and request size limits. */
class ProtectionIT extends GatewayTestSupport {

    private static final String CSP_NEEDS = "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @Test
    void preflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
        client().options().uri("/api/v1/articles/a1b2/comments")
                .header("Origin", "https://www.newsroom.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://www.newsroom.example")
                .expectHeader().value("Access-Control-Allow-Methods", v -> assertThat(v).contains("POST"))
                .expectHeader().doesNotExist("Access-Control-Allow-Credentials");
        assertThat(COMMENTS.received()).isEmpty();
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        client().options().uri("/api/v1/articles/a1b2/comments")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist("Access-Control-Allow-Origin")
                .expectBody()
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("https://evil.example"))
                .jsonPath("$.requestId").isNotEmpty();
        assertThat(COMMENTS.received()).isEmpty();
    }

    @Test
    void preflightAskingForAMethodOutsideTheAllowlistIsRefused() {
        client().options().uri("/api/v1/articles/a1b2/comments")
                .header("Origin", "https://www.newsroom.example")
                .header("Access-Control-Request-Method", "TRACE")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("method or headers"));
    }

    @Test
    void crossOriginReadFromAnotherOriginIsRefusedBeforeTheService() {
        client().get().uri("/api/v1/articles/israel-votes")
                .header("Origin", "https://evil.example")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(ARTICLES.received()).isEmpty();
    }

    @Test
    void crossOriginReadCarriesTheAllowOriginAndExposesTheRequestId() {
        client().get().uri("/api/v1/articles/israel-votes")
                .header("Origin", "https://www.newsroom.example")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://www.newsroom.example")
                .expectHeader().value("Access-Control-Expose-Headers", v -> assertThat(v).contains("X-Request-Id"));
    }

    @Test
    void securityHeadersOnAProxiedAnswer() {
        expectSecurityHeaders(client().get().uri("/api/v1/articles/israel-votes").exchange().expectStatus().isOk());
    }

    @Test
    void siteAnswersKeepTheirOwnContentSecurityPolicyApiAnswersGetTheGateways() {
        String sitePolicy = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
        SITE.answer("/articles/", 200, "{}", java.util.Map.of("Content-Security-Policy", sitePolicy));
        client().get().uri("/articles/israel-votes").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", sitePolicy)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
        assertThat(SITE.last().uri().getPath()).isEqualTo("/articles/israel-votes");
        assertThat(SITE.last().header("X-Forwarded-For")).isNotBlank();
        // an API path never reaches the site
        int seen = SITE.received().size();
        client().get().uri("/api/v1/horoscopes").exchange().expectStatus().isNotFound()
                .expectHeader().value("Content-Security-Policy", v -> assertThat(v).contains(CSP_NEEDS));
        client().get().uri("/v3/api-docs").exchange().expectStatus().isOk();
        assertThat(SITE.received()).hasSize(seen);
    }

    @Test
    void securityHeadersOnGatewayErrors() {
        expectSecurityHeaders(client().get().uri("/api/v1/horoscopes").exchange().expectStatus().isNotFound());
        expectSecurityHeaders(client().post().uri("/api/v1/editor/articles").exchange()
                .expectStatus().isUnauthorized());
    }

    @Test
    void commentBodyOver16KbIsRefusedBeforeTheService() {
        String body = "{\"body\":\"" + "x".repeat(16 * 1024) + "\"}";

        client().post().uri("/api/v1/articles/a1b2/comments").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("comment body"));
        assertThat(COMMENTS.received()).isEmpty();
    }

    @Test
    void chunkedCommentBodyOver16KbIsRefusedToo() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> chunks = Flux.range(0, 20)
                .map(i -> buffers.wrap("x".repeat(1024).getBytes(StandardCharsets.UTF_8)));

        client().post().uri("/api/v1/articles/a1b2/comments").contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void commentOfAFewKilobytesPasses() {
        client().post().uri("/api/v1/articles/a1b2/comments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"" + "x".repeat(8 * 1024) + "\"}")
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void anyBodyOver1MbIsRefused() {
        client().method(HttpMethod.PUT).uri("/api/v1/editor/articles/a1b2")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"" + "x".repeat(1024 * 1024) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void oversizedRequestHeadersGet431() {
        client().get().uri("/api/v1/articles/israel-votes")
                .header("X-Padding", "p".repeat(20 * 1024))
                .exchange()
                .expectStatus().isEqualTo(431)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.status").isEqualTo(431)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("16384 bytes"))
                .jsonPath("$.requestId").isNotEmpty();
        assertThat(ARTICLES.received()).isEmpty();
    }

    @Test
    void manyHeadersAddingUpOverTheLimitGet431Too() {
        client().get().uri("/api/v1/articles/israel-votes")
                .headers(headers -> {
                    for (int i = 0; i < 20; i++) {
                        headers.set("X-Padding-" + i, "p".repeat(1024));
                    }
                })
                .exchange()
                .expectStatus().isEqualTo(431)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(ARTICLES.received()).isEmpty();
    }

    @Test
    void headersJustUnderTheLimitPass() {
        client().get().uri("/api/v1/articles/israel-votes")
                .header("X-Padding", "p".repeat(14 * 1024))
                .exchange()
                .expectStatus().isOk();
    }

    private static void expectSecurityHeaders(WebTestClient.ResponseSpec response) {
        response.expectHeader().value("Strict-Transport-Security", v -> assertThat(v).startsWith("max-age="))
                .expectHeader().value("Content-Security-Policy", v -> assertThat(v).contains(CSP_NEEDS))
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().exists("Referrer-Policy")
                .expectHeader().exists("X-Request-Id");
    }
}

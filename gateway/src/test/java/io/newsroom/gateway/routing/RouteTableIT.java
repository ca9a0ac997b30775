package io.newsroom.gateway.routing;

import io.newsroom.gateway.support.FakeService;
import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.security.LocalIssuer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The public /api/v1 surface lands on the right service, at the right path, with token and request id. */
class RouteTableIT extends GatewayTestSupport {

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "GET,  /api/v1/articles/israel-votes,                  article, /articles/israel-votes",
            "GET,  /api/v1/articles?section=world,                 article, /articles",
            "GET,  /api/v1/articles/must-read,                     article, /articles/must-read",
            "GET,  /api/v1/articles/lookup?ids=a,                  article, /articles/lookup",
            "GET,  /api/v1/articles/a1b2/comments,                 comment, /articles/a1b2/comments",
            "POST, /api/v1/articles/a1b2/comments,                 comment, /articles/a1b2/comments",
            "GET,  /api/v1/articles/a1b2/comment-form,             comment, /articles/a1b2/comment-form",
            "GET,  /api/v1/comment-counts?articleIds=a1b2,         comment, /comment-counts",
            "POST, /api/v1/comments/c1/reports,                    comment, /comments/c1/reports",
            "GET,  /api/v1/articles/a1b2/related,                  search,  /articles/a1b2/related",
            "GET,  /api/v1/search?q=election,                      search,  /search",
            "GET,  /api/v1/suggest?prefix=ele,                     search,  /suggest",
            "GET,  /api/v1/latest,                                 search,  /latest",
            "GET,  /api/v1/comments/c1,                           comment, /comments/c1",
            "GET,  /api/v1/.well-known/oauth-protected-resource,   article, /.well-known/oauth-protected-resource",
            "GET,  /openapi/article,                               article, /v3/api-docs",
            "GET,  /openapi/comment,                               comment, /v3/api-docs",
            "GET,  /openapi/search,                                search,  /v3/api-docs",
    })
    void publicRoutesReachTheirService(String method, String path, String service, String servicePath) {
        var request = method.equals("GET") ? client().get().uri(path)
                : client().post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{}");

        request.exchange().expectStatus().isOk();

        FakeService.Received received = serviceNamed(service).last();
        assertThat(received).as("request reached " + service).isNotNull();
        assertThat(received.method()).isEqualTo(method);
        assertThat(received.uri().getPath()).isEqualTo(servicePath);
        if (path.contains("?")) {
            assertThat(received.uri().getQuery()).isEqualTo(path.substring(path.indexOf('?') + 1));
        }
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3} {4}")
    @CsvSource({
            "POST, /api/v1/editor/articles,                      EDITOR,    article, /editor/articles",
            "PUT,  /api/v1/editor/must-read,                     EDITOR,    article, /editor/must-read",
            "POST, /api/v1/moderation/comments/c1/decisions,     MODERATOR, comment, /moderation/comments/c1/decisions",
            "GET,  /api/v1/moderation/queues/held,               MODERATOR, comment, /moderation/queues/held",
            "POST, /api/v1/admin/index/rebuild,                 ADMIN,     search,  /admin/index/rebuild",
    })
    void protectedRoutesRelayTheTokenToTheService(String method, String path, String role, String service,
                                                  String servicePath) {
        String token = LocalIssuer.shared().token("staff", role);

        client().method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();

        FakeService.Received received = serviceNamed(service).last();
        assertThat(received.uri().getPath()).isEqualTo(servicePath);
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void requestIdIsAcceptedPassedOnAndReturned() {
        client().get().uri("/api/v1/articles/israel-votes").header("X-Request-Id", "desk-4711")
                .exchange()
                .expectHeader().valueEquals("X-Request-Id", "desk-4711");

        assertThat(ARTICLES.last().header("X-Request-Id")).isEqualTo("desk-4711");
    }

    @Test
    void requestIdIsGeneratedWhenMissingOrUnsafe() {
        String returned = client().get().uri("/api/v1/articles/israel-votes")
                .header("X-Request-Id", "line\tbreak and far too long ".repeat(5))
                .exchange()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(returned).matches("[0-9a-f-]{36}");
        assertThat(ARTICLES.last().header("X-Request-Id")).isEqualTo(returned);
    }

    @Test
    void unknownPathIsA404Problem() {
        client().get().uri("/api/v1/horoscopes")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.instance").isEqualTo("/api/v1/horoscopes")
                .jsonPath("$.detail").isEqualTo("Nothing is routed at GET /api/v1/horoscopes.")
                .jsonPath("$.requestId").exists();
    }

    @Test
    void anonymousWriteToAnUnlistedApiPathIsRefused() {
        client().delete().uri("/api/v1/articles/israel-votes")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(ARTICLES.received()).isEmpty();
    }

    private static FakeService serviceNamed(String name) {
        return switch (name) {
            case "article" -> ARTICLES;
            case "comment" -> COMMENTS;
            case "search" -> SEARCH;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The rebuild answers when it is done: slower than the readers' timeout (1 s in tests), still not a 504. */
    @Test
    void aRebuildMayTakeLongerThanTheReadersTimeout() {
        SEARCH.delay(java.time.Duration.ofMillis(1800));
        try {
            client().post().uri("/api/v1/admin/index/rebuild")
                    .headers(h -> h.setBearerAuth(LocalIssuer.shared().token("root", "ADMIN")))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isOk();
        } finally {
            SEARCH.delay(java.time.Duration.ZERO);
        }
    }
}

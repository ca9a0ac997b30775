package io.newsroom.gateway.routing;

import io.newsroom.gateway.support.FakeService;
import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.http.HttpTestResponse;
import io.newsroom.infra.security.LocalIssuer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

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
        HttpTestResponse response = method.equals("GET") ? client().get(path) : client().post(path, "{}");

        assertThat(response.status()).isEqualTo(200);

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

        assertThat(client().request(method, path).bearer(token).json("{}").send().status()).isEqualTo(200);

        FakeService.Received received = serviceNamed(service).last();
        assertThat(received.uri().getPath()).isEqualTo(servicePath);
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void requestIdIsAcceptedPassedOnAndReturned() {
        assertThat(client().get("/api/v1/articles/israel-votes", "X-Request-Id", "desk-4711").headers("X-Request-Id"))
                .containsExactly("desk-4711");

        assertThat(ARTICLES.last().header("X-Request-Id")).isEqualTo("desk-4711");
    }

    @Test
    void requestIdIsGeneratedWhenMissingOrUnsafe() {
        String returned = client().get("/api/v1/articles/israel-votes",
                "X-Request-Id", "line\tbreak and far too long ".repeat(5)).header("X-Request-Id");

        assertThat(returned).matches("[0-9a-f-]{36}");
        assertThat(ARTICLES.last().header("X-Request-Id")).isEqualTo(returned);
    }

    @Test
    void unknownPathIsA404Problem() {
        HttpTestResponse response = client().get("/api/v1/horoscopes");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
        var problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/horoscopes");
        assertThat(problem.path("detail").asString()).isEqualTo("Nothing is routed at GET /api/v1/horoscopes.");
        assertThat(problem.hasNonNull("requestId")).isTrue();
    }

    @Test
    void anonymousWriteToAnUnlistedApiPathIsRefused() {
        HttpTestResponse response = client().delete("/api/v1/articles/israel-votes");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);

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
            assertThat(client().withBearer(LocalIssuer.shared().token("root", "ADMIN"))
                    .post("/api/v1/admin/index/rebuild", "{}").status()).isEqualTo(200);
        } finally {
            SEARCH.delay(java.time.Duration.ZERO);
        }
    }
}

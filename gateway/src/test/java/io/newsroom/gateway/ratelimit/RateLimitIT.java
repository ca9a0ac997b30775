package io.newsroom.gateway.ratelimit;

import io.newsroom.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Comment posting: 5 per minute per client address (application.yaml), with the standard headers. */
class RateLimitIT extends GatewayTestSupport {

    private static final String COMMENT_THREAD = "/api/v1/articles/a1b2/comments";
    private static final String COMMENT = "{\"authorName\":\"Dana\",\"email\":\"dana@example.org\",\"body\":\"Well said.\"}";

    @Test
    void sixthCommentInAMinuteGets429WithRetryAfterAndRateLimitHeaders() {
        WebTestClient reader = client();
        for (int i = 1; i <= 5; i++) {
            int remaining = 5 - i;
            post(reader, null).expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "5")
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(remaining));
        }

        post(reader, null)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", v -> assertThat(Integer.parseInt(v)).isBetween(1, 12))
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectHeader().value("RateLimit-Policy", v -> assertThat(v).contains("comment-posting"))
                .expectBody().jsonPath("$.status").isEqualTo(429);
        assertThat(COMMENTS.received()).hasSize(5);
    }

    @Test
    void forgedForwardedForFromAnUntrustedPeerDoesNotGetAroundTheLimit() {
        WebTestClient attacker = untrustedPeer();
        for (int i = 0; i < 5; i++) {
            post(attacker, "198.51.100." + i).expectStatus().isOk();
        }

        post(attacker, "198.51.100.99").expectStatus().isEqualTo(429);
        post(attacker, "198.51.100.99, 203.0.113.7").expectStatus().isEqualTo(429);
        assertThat(COMMENTS.received()).as("forged header replaced by the peer's address before the service")
                .allSatisfy(r -> assertThat(r.header("X-Forwarded-For")).isEqualTo("127.0.0.2"));
    }

    @Test
    void readersBehindTheTrustedProxyEachHaveTheirOwnBucket() {
        WebTestClient first = client();
        for (int i = 0; i < 5; i++) {
            post(first, null).expectStatus().isOk();
        }
        post(first, null).expectStatus().isEqualTo(429);

        post(client(), null).expectStatus().isOk();
    }

    @Test
    void readsHaveTheirOwnMoreGenerousLimit() {
        WebTestClient reader = client();
        for (int i = 0; i < 5; i++) {
            post(reader, null).expectStatus().isOk();
        }

        reader.get().uri("/api/v1/articles/israel-votes").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", "120");
    }

    private static WebTestClient.ResponseSpec post(WebTestClient client, String forwardedFor) {
        return client.post().uri(COMMENT_THREAD)
                .headers(h -> {
                    if (forwardedFor != null) {
                        h.set("X-Forwarded-For", forwardedFor);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(COMMENT)
                .exchange();
    }
}

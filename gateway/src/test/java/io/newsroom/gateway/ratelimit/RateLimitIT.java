package io.newsroom.gateway.ratelimit;

import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;

/** Comment posting: 5 per minute per client address (application.yaml), with the standard headers. */
class RateLimitIT extends GatewayTestSupport {

    private static final String COMMENT_THREAD = "/api/v1/articles/a1b2/comments";
    private static final String COMMENT = "{\"authorName\":\"Dana\",\"email\":\"dana@example.org\",\"body\":\"Well said.\"}";

    @Autowired
    ApplicationContext context;

    @Test
    void theLimitIsTheGatewaysOwnScriptCallWithoutSpringCloudGatewaysUnusedRedisBeans() {
        assertThat(context.getBeansOfType(RedisTokenBuckets.class)).hasSize(1);
        assertThat(context.getBeansOfType(RedisRateLimiter.class)).isEmpty();
        assertThat(context.getBeansOfType(RedisScript.class)).isEmpty();
        assertThat(context.getBeansOfType(ReactiveRedisTemplate.class)).isEmpty();
    }

    @Test
    void sixthCommentInAMinuteGets429WithRetryAfterAndRateLimitHeaders() {
        HttpTestClient reader = client();
        for (int i = 1; i <= 5; i++) {
            int remaining = 5 - i;
            HttpTestResponse response = post(reader, null);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers("RateLimit-Limit")).containsExactly("5");
            assertThat(response.headers("RateLimit-Remaining")).containsExactly(Integer.toString(remaining));
        }

        HttpTestResponse refused = post(reader, null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 12);
        assertThat(refused.headers("RateLimit-Remaining")).containsExactly("0");
        assertThat(refused.header("RateLimit-Policy")).contains("comment-posting");
        assertThat(refused.json().path("status").asInt()).isEqualTo(429);
        assertThat(COMMENTS.received()).hasSize(5);
    }

    @Test
    void forgedForwardedForFromAnUntrustedPeerDoesNotGetAroundTheLimit() {
        HttpTestClient attacker = untrustedPeer();
        for (int i = 0; i < 5; i++) {
            assertThat(post(attacker, "198.51.100." + i).status()).isEqualTo(200);
        }

        assertThat(post(attacker, "198.51.100.99").status()).isEqualTo(429);
        assertThat(post(attacker, "198.51.100.99, 203.0.113.7").status()).isEqualTo(429);
        assertThat(COMMENTS.received()).as("forged header replaced by the peer's address before the service")
                .allSatisfy(r -> assertThat(r.header("X-Forwarded-For")).isEqualTo("127.0.0.2"));
    }

    @Test
    void readersBehindTheTrustedProxyEachHaveTheirOwnBucket() {
        HttpTestClient first = client();
        for (int i = 0; i < 5; i++) {
            assertThat(post(first, null).status()).isEqualTo(200);
        }
        assertThat(post(first, null).status()).isEqualTo(429);

        assertThat(post(client(), null).status()).isEqualTo(200);
    }

    @Test
    void readsHaveTheirOwnMoreGenerousLimit() {
        HttpTestClient reader = client();
        for (int i = 0; i < 5; i++) {
            assertThat(post(reader, null).status()).isEqualTo(200);
        }

        HttpTestResponse read = reader.get("/api/v1/articles/israel-votes");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.headers("RateLimit-Limit")).containsExactly("120");
    }

    /** {@code forwardedFor}: sent by a client without one of its own ({@link #untrustedPeer()}); null: none. */
    private static HttpTestResponse post(HttpTestClient client, String forwardedFor) {
        var request = client.request("POST", COMMENT_THREAD).json(COMMENT);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request.send();
    }
}

package io.newsroom.gateway.ratelimit;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsroom.gateway.GatewayApplication;
import io.newsroom.gateway.support.FakeService;
import io.newsroom.infra.LocalRedis;
import io.newsroom.infra.http.HttpTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway replicas in front of one Redis hold one limit between them, and a gateway whose Redis is gone lets
 * requests through (fail open) and counts them.
 */
class SharedRateLimitIT {

    private static final FakeService SERVICE = new FakeService("all").start();
    private static final String COMMENT_THREAD = "/api/v1/articles/a1b2/comments";
    private static final String COMMENT = "{\"authorName\":\"Dana\",\"email\":\"dana@example.org\",\"body\":\"Hi.\"}";

    private static LocalRedis redis;

    @BeforeAll
    static void redis() {
        redis = LocalRedis.startNew(); // its own: the fail-open test stops it
    }

    /**
     * The gateways stay up until this JVM exits (their shutdown hooks close them): closing a reactive web context
     * disposes Reactor Netty's global event loops, which the cached contexts of the other ITs in this JVM share.
     */
    @AfterAll
    static void stop() {
        redis.stop();
    }

    @Test
    void twoReplicasAllowTheLimitOnceBetweenThem() {
        HttpTestClient first = client(start());
        HttpTestClient second = client(start());
        String reader = "2001:db8:77::1";

        int allowed = 0;
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            int status = post(i % 2 == 0 ? first : second, reader);
            if (status == 200) {
                allowed++;
            } else if (status == 429) {
                refused++;
            }
        }

        assertThat(allowed).as("comment-posting is 5 per minute per client, across both replicas").isEqualTo(5);
        assertThat(refused).isEqualTo(7);
    }

    @Test
    void withoutRedisRequestsPassAndAreCounted() {
        LocalRedis own = LocalRedis.startNew();
        ConfigurableApplicationContext gateway = start(own.port());
        HttpTestClient client = client(gateway);
        assertThat(post(client, "2001:db8:77::2")).isEqualTo(200);

        own.stop();
        for (int i = 0; i < 7; i++) {
            assertThat(post(client, "2001:db8:77::2")).as("fail open while Redis is down").isEqualTo(200);
        }

        double failures = gateway.getBean(MeterRegistry.class).get("newsroom.gateway.rate_limit.store_failures")
                .counter().count();
        assertThat(failures).isGreaterThanOrEqualTo(7);
    }

    /** A restarted Redis has neither the buckets nor the script (NOSCRIPT): the gateway loads it again and limits. */
    @Test
    void afterRedisRestartsTheLimitHoldsAgain() {
        LocalRedis own = LocalRedis.startNew();
        int port = own.port();
        HttpTestClient client = client(start(port));
        String reader = "2001:db8:77::3";
        assertThat(post(client, reader)).isEqualTo(200);

        own.stop();
        LocalRedis restarted = LocalRedis.onPort(port);
        try {
            // Lettuce reconnects in the background; until then requests pass unlimited (another reader's probes).
            await().atMost(Duration.ofSeconds(30)).until(() -> client.post(COMMENT_THREAD, COMMENT,
                    "X-Forwarded-For", "2001:db8:77::4").header("RateLimit-Remaining") != null);
            int[] statuses = new int[6];
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = post(client, reader);
            }
            assertThat(statuses).as("a fresh bucket of 5, then refused").containsExactly(200, 200, 200, 200, 200, 429);
        } finally {
            restarted.stop();
        }
    }

    private static ConfigurableApplicationContext start() {
        return start(redis.port());
    }

    private static ConfigurableApplicationContext start(int redisPort) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off",
                "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisPort,
                "--newsroom.gateway.trusted-proxies.addresses=127.0.0.1",
                "--newsroom.gateway.services.article=" + SERVICE.baseUrl(),
                "--newsroom.gateway.services.comment=" + SERVICE.baseUrl(),
                "--newsroom.gateway.services.search=" + SERVICE.baseUrl());
        return context;
    }

    private static HttpTestClient client(ConfigurableApplicationContext gateway) {
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        return HttpTestClient.loopback(port).withTimeout(Duration.ofSeconds(10));
    }

    private static int post(HttpTestClient client, String reader) {
        return client.post(COMMENT_THREAD, COMMENT, "X-Forwarded-For", reader).status();
    }
}

package io.newsroom.gateway.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.spring.RedisInfra;
import io.newsroom.infra.spring.SecurityInfra;
import io.newsroom.infra.spring.TracingInfra;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole gateway on a random port in front of three fake services, with JWTs from the shared local issuer.
 * Tests go through 127.0.0.1, configured as a trusted proxy, and each gets its own client address in
 * {@code X-Forwarded-For}, so rate limits of one test never leak into another. Rate limits live in the shared
 * {@code LocalRedis} (a real redis-server). Tests that need an untrusted
 * peer connect from 127.0.0.2. Finished spans are kept in memory ({@link TracingInfra}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "newsroom.gateway.trusted-proxies.addresses=127.0.0.1",
        "management.server.port=0",
        "newsroom.gateway.cors.allowed-origins=https://www.newsroom.example",
        "newsroom.gateway.timeouts.search=1000",
        "newsroom.gateway.article-page.part-timeout=400ms",
        "newsroom.gateway.resilience.retry-after=7s",
        "newsroom.gateway.resilience.circuit-breakers.search.sliding-window-size=4",
        "newsroom.gateway.resilience.circuit-breakers.search.minimum-calls=4",
        "newsroom.gateway.resilience.circuit-breakers.search.open-for=1s",
        "newsroom.gateway.resilience.circuit-breakers.search.half-open-calls=1",
})
@Import({SecurityInfra.class, RedisInfra.class, TracingInfra.class})
public abstract class GatewayTestSupport {

    protected static final FakeService ARTICLES = new FakeService("article").start();
    protected static final FakeService COMMENTS = new FakeService("comment").start();
    protected static final FakeService SEARCH = new FakeService("search").start();
    /** The reader site (module web), reached by every path that is not the API. */
    protected static final FakeService SITE = new FakeService("web").start();

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected ReactiveResilience4JCircuitBreakerFactory breakers;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("newsroom.gateway.services.article", ARTICLES::baseUrl);
        registry.add("newsroom.gateway.services.comment", COMMENTS::baseUrl);
        registry.add("newsroom.gateway.services.search", SEARCH::baseUrl);
        registry.add("newsroom.gateway.services.web", SITE::baseUrl);
    }

    @BeforeEach
    @AfterEach
    void everyServiceUpAndEveryBreakerClosed() {
        for (FakeService service : new FakeService[] {ARTICLES, COMMENTS, SEARCH}) {
            if (!service.isRunning()) {
                service.start();
            }
            service.reset();
        }
        breakers.getCircuitBreakerRegistry().getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    /** A client seen by the gateway as a fresh reader address (behind the trusted proxy 127.0.0.1). */
    protected HttpTestClient client() {
        return client(nextReaderAddress());
    }

    protected HttpTestClient client(String readerAddress) {
        return gateway().withHeaders("X-Forwarded-For", readerAddress);
    }

    /** The gateway's own origin as clients see it in these tests. */
    protected String gatewayOrigin() {
        return "http://127.0.0.1:" + port;
    }

    /** A client connecting straight from 127.0.0.2, which is not a trusted proxy. */
    protected HttpTestClient untrustedPeer() {
        return gateway().withLocalAddress("127.0.0.2");
    }

    private HttpTestClient gateway() {
        return HttpTestClient.to(gatewayOrigin()).withTimeout(Duration.ofSeconds(10));
    }

    /** IPv6 documentation addresses (2001:db8::/32): only ever written in a header, never contacted. */
    protected static String nextReaderAddress() {
        return "2001:db8::" + Integer.toHexString(CLIENTS.incrementAndGet());
    }
}

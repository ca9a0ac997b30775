package io.newsroom.edge;

import io.newsroom.edge.testapp.EdgeTestApplication;
import io.newsroom.edge.problem.Problems;
import io.newsroom.edge.testapp.Jwks;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An issuer (the auth-server) that stops answering, e.g. while it restarts: editors' tokens keep working on the keys
 * already fetched, and a service that has none answers a 503 problem, never a 500. CI once saw a 500 from
 * article-service during an auth-server restart, once Boot's decoder had dropped its five-minute-old key set.
 */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + Jwks.ISSUER,
                "spring.security.oauth2.resourceserver.jwt.audiences=newsroom",
                "newsroom.edge.security.jwks-cache-ttl=1s"})
class IssuerOutageTest {

    static final Jwks ISSUER = Jwks.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::uri);
    }

    @Test
    void tokensSignedWithAKnownKeyAreStillAcceptedWhileTheIssuerIsDownAndUnknownOnesAre401() throws Exception {
        HttpTestClient http = HttpTestClient.loopback(port);
        String admin = HttpTestClient.bearer(ISSUER.rs256("ADMIN"));
        assertThat(http.get("/admin/stats", "Authorization", admin).status()).isEqualTo(200);

        ISSUER.stop();
        Thread.sleep(1_500); // past the key set's time to live: the next token makes it refetch, and that fails

        HttpTestResponse during = http.get("/admin/stats", "Authorization", admin);
        assertThat(during.status()).as(during.body()).isEqualTo(200);
        HttpTestResponse stranger = http.get("/admin/stats", "Authorization",
                HttpTestClient.bearer(Jwks.start().rs256("ADMIN")));
        assertThat(stranger.status()).as(stranger.body()).isEqualTo(401);
        assertThat(stranger.header("Content-Type")).startsWith("application/problem+json");
    }
}

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

/** A service that has not fetched the issuer's keys and cannot: a 503 problem to retry, never a 500. */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + Jwks.ISSUER,
                "spring.security.oauth2.resourceserver.jwt.audiences=newsroom",
                // nothing listens on port 9 of loopback (discard): connection refused
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks"})
class UnreachableIssuerTest {

    @LocalServerPort
    int port;

    @Test
    void aTokenThatCannotBeCheckedIsA503ProblemToRetry() {
        HttpTestResponse answer = HttpTestClient.loopback(port)
                .get("/admin/stats", "Authorization", HttpTestClient.bearer(Jwks.shared().rs256("ADMIN")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isEqualTo("5");
        assertThat(answer.json().path("type").asString()).isEqualTo(Problems.TYPE_BASE + "unavailable");
        assertThat(answer.body()).doesNotContain("127.0.0.1:9");
    }
}

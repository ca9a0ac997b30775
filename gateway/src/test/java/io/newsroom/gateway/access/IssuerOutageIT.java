package io.newsroom.gateway.access;

import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.security.LocalIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer cannot hand out its keys (the auth-server is restarting) and a token names a key the gateway has not
 * cached: the token cannot be checked, which is a 503 problem to retry, not a 500 (Spring Security rethrows the
 * failure by default) and not a 401 that would make a client throw a good token away.
 */
class IssuerOutageIT extends GatewayTestSupport {

    private final LocalIssuer issuer = LocalIssuer.shared();

    @Test
    void aTokenThatCannotBeCheckedWhileTheIssuerIsDownIsA503ProblemAndNeverReachesTheService() {
        // the gateway has the issuer's keys (this call), then a token names a key it does not know
        client().post().uri("/api/v1/editor/articles")
                .headers(h -> h.setBearerAuth(issuer.token("eddie", "EDITOR")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"headline\":\"Knesset votes\"}")
                .exchange()
                .expectStatus().isOk();
        ARTICLES.reset();
        String token = issuer.tokenFor("eddie").roles("EDITOR").signedByAKeyIdNotInTheJwks().build();
        try (var outage = issuer.keysUnavailable()) {
            client().post().uri("/api/v1/editor/articles")
                    .headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"headline\":\"Knesset votes\"}")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().exists("Retry-After")
                    .expectBody().jsonPath("$.status").isEqualTo(503);
        }
        assertThat(ARTICLES.received()).isEmpty();
        // once the issuer is back, its tokens pass as before
        client().post().uri("/api/v1/editor/articles")
                .headers(h -> h.setBearerAuth(issuer.token("eddie", "EDITOR")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"headline\":\"Knesset votes\"}")
                .exchange()
                .expectStatus().isOk();
    }
}

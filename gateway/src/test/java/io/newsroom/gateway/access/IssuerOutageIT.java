package io.newsroom.gateway.access;

import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.http.HttpTestResponse;
import io.newsroom.infra.security.LocalIssuer;
import org.junit.jupiter.api.Test;

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
        assertThat(publish(issuer.token("eddie", "EDITOR")).status()).isEqualTo(200);
        ARTICLES.reset();
        String token = issuer.tokenFor("eddie").roles("EDITOR").signedByAKeyIdNotInTheJwks().build();
        try (var outage = issuer.keysUnavailable()) {
            HttpTestResponse response = publish(token);
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
            assertThat(response.header("Retry-After")).isNotNull();
            assertThat(response.json().path("status").asInt()).isEqualTo(503);
        }
        assertThat(ARTICLES.received()).isEmpty();
        // once the issuer is back, its tokens pass as before
        assertThat(publish(issuer.token("eddie", "EDITOR")).status()).isEqualTo(200);
    }

    private HttpTestResponse publish(String token) {
        return client().withBearer(token).post("/api/v1/editor/articles", "{\"headline\":\"Knesset votes\"}");
    }
}

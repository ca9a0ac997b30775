package io.newsroom.gateway.access;

import java.time.Instant;

import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.security.LocalIssuer;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged and unfit tokens are stopped at the gateway (401/403 problem+json) and never reach the editor API.
 * Tokens come from a real issuer with a real JWKS, so the production decoder is what is tested.
 */
class JwtAttacksIT extends GatewayTestSupport {

    private static final String EDITOR_ROUTE = "/api/v1/editor/articles";

    private final LocalIssuer issuer = LocalIssuer.shared();

    @Test
    void editorTokenPasses() {
        assertThat(publish(issuer.token("eddie", "EDITOR")).status()).isEqualTo(200);
        assertThat(ARTICLES.received()).hasSize(1);
    }

    @Test
    void noTokenIsChallenged() {
        HttpTestResponse response = client().post(EDITOR_ROUTE, "{}");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers("WWW-Authenticate")).containsExactly("Bearer");
        assertThat(ARTICLES.received()).isEmpty();
    }

    @Test
    void algNoneIsRejected() {
        rejected(issuer.tokenFor("eddie").roles("EDITOR").unsigned().build(), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void wrongAudienceIsRejected() {
        rejected(issuer.tokenFor("eddie").roles("EDITOR").audience("billing").build(), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void wrongIssuerIsRejected() {
        rejected(issuer.tokenFor("eddie").roles("EDITOR").issuer("https://evil.example").build(),
                HttpStatus.UNAUTHORIZED);
    }

    @Test
    void tokenExpiredBy61SecondsIsRejectedDespiteTheSkewAllowance() {
        Instant now = Instant.now();
        rejected(issuer.tokenFor("eddie").roles("EDITOR").issuedAt(now.minusSeconds(900))
                .notBefore(now.minusSeconds(900)).expiresAt(now.minusSeconds(61)).build(), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void tokenExpiredWithinTheSkewIsStillAccepted() {
        Instant now = Instant.now();
        assertThat(publish(issuer.tokenFor("eddie").roles("EDITOR").issuedAt(now.minusSeconds(900))
                .notBefore(now.minusSeconds(900)).expiresAt(now.minusSeconds(10)).build()).status()).isEqualTo(200);
    }

    @Test
    void tokenNotYetValidIsRejected() {
        Instant now = Instant.now();
        rejected(issuer.tokenFor("eddie").roles("EDITOR").issuedAt(now).notBefore(now.plusSeconds(120))
                .expiresAt(now.plusSeconds(900)).build(), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void tamperedSignatureIsRejected() {
        rejected(issuer.tokenFor("eddie").roles("EDITOR").tamperedSignature().build(), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void tokenSignedByAnUnknownKeyIsRejected() {
        rejected(issuer.tokenFor("eddie").roles("EDITOR").signedByUnknownKey().build(), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void wrongRoleIsForbidden() {
        rejected(issuer.token("molly", "MODERATOR"), HttpStatus.FORBIDDEN);
    }

    @Test
    void badTokenOnAPublicReadIsStillRejected() {
        assertThat(client().withBearer(issuer.tokenFor("eddie").unsigned().build())
                .get("/api/v1/articles/israel-votes").status()).isEqualTo(401);
        assertThat(ARTICLES.received()).isEmpty();
    }

    private void rejected(String token, HttpStatus status) {
        HttpTestResponse response = publish(token);
        assertThat(response.status()).isEqualTo(status.value());
        assertThat(response.contentType()).isEqualTo(HttpTestResponse.PROBLEM_JSON);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=");
        assertThat(response.json().path("status").asInt()).isEqualTo(status.value());
        assertThat(ARTICLES.received()).as("the editor API never sees the request").isEmpty();
    }

    private HttpTestResponse publish(String token) {
        return client().withBearer(token).post(EDITOR_ROUTE, "{\"headline\":\"Knesset votes\"}");
    }
}

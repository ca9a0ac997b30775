package io.newsroom.gateway.access;

import java.time.Instant;

import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.security.LocalIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

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
        publish(issuer.token("eddie", "EDITOR")).expectStatus().isOk();
        assertThat(ARTICLES.received()).hasSize(1);
    }

    @Test
    void noTokenIsChallenged() {
        client().post().uri(EDITOR_ROUTE).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer");
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
        publish(issuer.tokenFor("eddie").roles("EDITOR").issuedAt(now.minusSeconds(900))
                .notBefore(now.minusSeconds(900)).expiresAt(now.minusSeconds(10)).build())
                .expectStatus().isOk();
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
        client().get().uri("/api/v1/articles/israel-votes")
                .headers(h -> h.setBearerAuth(issuer.tokenFor("eddie").unsigned().build()))
                .exchange()
                .expectStatus().isUnauthorized();
        assertThat(ARTICLES.received()).isEmpty();
    }

    private void rejected(String token, HttpStatus status) {
        publish(token)
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("WWW-Authenticate", v -> assertThat(v).startsWith("Bearer error="))
                .expectBody().jsonPath("$.status").isEqualTo(status.value());
        assertThat(ARTICLES.received()).as("the editor API never sees the request").isEmpty();
    }

    private WebTestClient.ResponseSpec publish(String token) {
        return client().post().uri(EDITOR_ROUTE)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"headline\":\"Knesset votes\"}")
                .exchange();
    }
}

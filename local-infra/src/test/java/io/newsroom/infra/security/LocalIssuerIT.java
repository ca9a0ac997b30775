package io.newsroom.infra.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Decodes with the same checks a service's resource server applies: JWKS signature, issuer, audience, time. */
class LocalIssuerIT {

    private final LocalIssuer issuer = LocalIssuer.shared();
    private final NimbusJwtDecoder decoder = decoder();

    @Test
    void aMintedTokenValidatesAgainstTheServedJwks() {
        Jwt jwt = decoder.decode(issuer.token("alice", "EDITOR", "MODERATOR"));

        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getIssuer()).hasToString(issuer.issuer());
        assertThat(jwt.getAudience()).containsExactly("newsroom");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("EDITOR", "MODERATOR");
        assertThat(jwt.getExpiresAt()).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60 + 1));
    }

    @Test
    void expiredNotYetValidAndWrongAudienceTokensAreRejected() {
        Instant now = Instant.now();
        assertRejected(issuer.tokenFor("alice").issuedAt(now.minus(2, ChronoUnit.HOURS))
                .notBefore(now.minus(2, ChronoUnit.HOURS)).expiresAt(now.minus(1, ChronoUnit.HOURS)).build());
        assertRejected(issuer.tokenFor("alice").notBefore(now.plus(1, ChronoUnit.HOURS)).build());
        assertRejected(issuer.tokenFor("alice").audience("some-other-api").build());
        assertRejected(issuer.tokenFor("alice").issuer("http://evil.example").build());
    }

    @Test
    void forgedTokensAreRejected() {
        assertRejected(issuer.tokenFor("alice").roles("ADMIN").unsigned().build());
        assertRejected(issuer.tokenFor("alice").roles("ADMIN").tamperedSignature().build());
        assertRejected(issuer.tokenFor("alice").roles("ADMIN").signedByUnknownKey().build());
    }

    private void assertRejected(String token) {
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
    }

    private NimbusJwtDecoder decoder() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<java.util.List<String>>("aud",
                aud -> aud != null && aud.contains(LocalIssuer.AUDIENCE));
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer.issuer()), audience));
        return nimbus;
    }
}

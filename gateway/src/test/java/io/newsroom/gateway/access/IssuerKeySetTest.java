package io.newsroom.gateway.access;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the gateway keeps the issuer's keys (and which it accepts), through a real decoder against a JWKS on loopback whose keys and health the
 * test controls, and a clock it moves: a withdrawn key stops working after the cache's lifetime, a known key survives
 * an issuer outage (up to the tolerance), a rotated key works at once, and a burst of tokens fetches the keys once.
 */
class IssuerKeySetTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration OUTAGE_TOLERANCE = Duration.ofHours(1);

    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile boolean down;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T12:00:00Z"));
    private HttpServer jwks;
    private ReactiveJwtDecoder decoder;

    private final RSAKey first = key("first");
    private final RSAKey second = key("second");

    @BeforeEach
    void startTheIssuer() throws IOException {
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            if (down) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        jwks.start();
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        };
        var keys = new IssuerKeySet(WebClient.create(), "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks",
                TTL, OUTAGE_TOLERANCE, clock);
        decoder = NimbusReactiveJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        published.set(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())));
    }

    @AfterEach
    void stopTheIssuer() {
        jwks.stop(0);
    }

    @Test
    void aKeyTheIssuerWithdrawsIsRefusedOnceTheCachedKeysAreOlderThanTheirLifetime() {
        assertAccepted(token(first));
        published.set(new JWKSet(second.toPublicJWK()));

        pass(TTL.minusSeconds(1));
        assertAccepted(token(first)); // still within the lifetime: no fetch for a cached, fresh key
        assertThat(fetches).hasValue(1);

        pass(Duration.ofSeconds(2));
        assertThatThrownBy(() -> decoder.decode(token(first)).block()).isInstanceOf(BadJwtException.class);
        assertAccepted(token(second));
    }

    @Test
    void aKnownKeyIsAcceptedThroughAnIssuerOutageUpToTheTolerance() {
        assertAccepted(token(first));
        down = true;

        pass(TTL.plusMinutes(1));
        assertAccepted(token(first));
        pass(OUTAGE_TOLERANCE);
        assertThatThrownBy(() -> decoder.decode(token(first)).block())
                .as("past the tolerance the keys are not trusted any more: unverifiable, not forged")
                .isNotInstanceOf(BadJwtException.class);

        down = false;
        assertAccepted(token(first));
    }

    @Test
    void aRotatedKeyIsFetchedAtOnceAndWhileTheIssuerIsDownItIsUnverifiableNotForged() {
        published.set(new JWKSet(first.toPublicJWK()));
        assertAccepted(token(first));
        published.set(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())));
        assertAccepted(token(second));
        assertThat(fetches).hasValue(2);

        RSAKey third = key("third");
        down = true;
        assertThatThrownBy(() -> decoder.decode(token(third)).block()).isNotInstanceOf(BadJwtException.class);
    }

    @Test
    void aBurstOfTokensBeforeTheFirstFetchSharesOneFetch() {
        List<String> tokens = Flux.range(0, 50).map(i -> token(i % 2 == 0 ? first : second)).collectList().block();
        Long decoded = Flux.fromIterable(tokens).flatMap(decoder::decode, 50).count().block();
        assertThat(decoded).isEqualTo(50);
        assertThat(fetches.get()).as("JWKS fetches for 50 concurrent tokens").isLessThanOrEqualTo(2);
    }

    @Test
    void theGatewaysDecoderAcceptsRs256AndEs256KeysOfTheIssuerAndNothingElse() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
        published.set(new JWKSet(List.of(first.toPublicJWK(), ec.toPublicJWK())));
        var resourceServer = new OAuth2ResourceServerProperties();
        resourceServer.getJwt().setJwkSetUri("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks");
        resourceServer.getJwt().setIssuerUri("https://issuer.example");
        resourceServer.getJwt().setAudiences(List.of("newsroom"));
        ReactiveJwtDecoder gateway = new TokenValidation().jwtDecoder(resourceServer,
                new AccessProperties(null, null, null, null, null, null));

        assertThat(gateway.decode(signed(JWSAlgorithm.RS256, first.getKeyID(), new RSASSASigner(first))).block().getSubject())
                .isEqualTo("alice");
        assertThat(gateway.decode(signed(JWSAlgorithm.ES256, "ec", new ECDSASigner(ec))).block().getSubject())
                .isEqualTo("alice");
        assertThatThrownBy(() -> gateway.decode(signed(JWSAlgorithm.RS512, first.getKeyID(), new RSASSASigner(first))).block())
                .as("an algorithm off the allowlist").isInstanceOf(BadJwtException.class);
    }

    private static String signed(JWSAlgorithm algorithm, String keyId, JWSSigner signer) throws JOSEException {
        var jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), new JWTClaimsSet.Builder()
                .subject("alice").issuer("https://issuer.example").audience("newsroom")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private void assertAccepted(String token) {
        assertThat(decoder.decode(token).block().getSubject()).isEqualTo("alice");
    }

    private void pass(Duration time) {
        now.updateAndGet(t -> t.plus(time));
    }

    private String token(RSAKey key) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().subject("alice").expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

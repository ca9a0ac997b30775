package io.newsroom.infra.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real JWT issuer on loopback for tests: an RSA key pair, its public JWKS at
 * {@code /.well-known/jwks.json} (plus an OpenID discovery document), and RS256 tokens signed with it.
 * Services validate these tokens with their production decoder configuration.
 */
public final class LocalIssuer {

    public static final String AUDIENCE = "newsroom";
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Object SHARED_LOCK = new Object();
    private static LocalIssuer shared;

    private final RSAKey signingKey;
    private final HttpServer server;
    private volatile boolean keysUnavailable;

    private LocalIssuer(RSAKey signingKey, HttpServer server) {
        this.signingKey = signingKey;
        this.server = server;
    }

    /** The JVM-wide issuer, started on a free loopback port on first use. */
    public static LocalIssuer shared() {
        synchronized (SHARED_LOCK) {
            if (shared == null) {
                shared = start();
            }
            return shared;
        }
    }

    private static LocalIssuer start() {
        RSAKey key = generateKey("local-issuer");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LocalIssuer issuer = new LocalIssuer(key, server);
            server.createContext("/.well-known/jwks.json", exchange -> {
                if (issuer.keysUnavailable) {
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                } else {
                    respond(exchange, new JWKSet(key.toPublicJWK()).toString());
                }
            });
            server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange,
                    "{\"issuer\":\"%s\",\"jwks_uri\":\"%s\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}"
                            .formatted(issuer.issuer(), issuer.jwkSetUri())));
            // The dispatcher thread inherits daemon status from the thread that starts the server; a daemon
            // dispatcher never keeps a finished test JVM alive.
            Thread starter = Thread.ofPlatform().daemon().unstarted(server::start);
            starter.start();
            starter.join();
            return issuer;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start the local JWT issuer", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the local JWT issuer", ex);
        }
    }

    /**
     * Until the returned handle is closed the JWKS answers 503, as an issuer that is restarting would: for tests of
     * what a resource server does when it cannot fetch the keys.
     */
    public Outage keysUnavailable() {
        keysUnavailable = true;
        return () -> keysUnavailable = false;
    }

    /** An issuer outage in progress; closing it ends the outage. */
    @FunctionalInterface
    public interface Outage extends AutoCloseable {
        @Override
        void close();
    }

    /** The {@code iss} of every token, for example {@code http://127.0.0.1:40123}. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwkSetUri() {
        return issuer() + "/.well-known/jwks.json";
    }

    /** A valid RS256 token for {@code subject} with these roles, audience {@code newsroom}, 15 minutes to live. */
    public String token(String subject, String... roles) {
        return tokenFor(subject).roles(roles).build();
    }

    /** A builder that can also make invalid tokens, for tests that check they are rejected. */
    public TokenBuilder tokenFor(String subject) {
        return new TokenBuilder(subject);
    }

    private static RSAKey generateKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot generate an RSA key", ex);
        }
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Claims and signing of one token; defaults make a valid token. */
    public final class TokenBuilder {

        private enum Signing { VALID, NONE, TAMPERED, FOREIGN_KEY, NEW_KEY_ID }

        private final String subject;
        private String issuer = LocalIssuer.this.issuer();
        private List<String> audience = List.of(AUDIENCE);
        private List<String> roles = List.of();
        private Instant issuedAt = Instant.now();
        private Instant notBefore = issuedAt;
        private Instant expiresAt = issuedAt.plus(LIFETIME);
        private final Map<String, Object> extraClaims = new LinkedHashMap<>();
        private Signing signing = Signing.VALID;

        private TokenBuilder(String subject) {
            this.subject = subject;
        }

        public TokenBuilder roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        public TokenBuilder audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        public TokenBuilder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public TokenBuilder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public TokenBuilder notBefore(Instant notBefore) {
            this.notBefore = notBefore;
            return this;
        }

        public TokenBuilder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public TokenBuilder claim(String name, Object value) {
            extraClaims.put(name, value);
            return this;
        }

        /** {@code alg: none}, no signature: must always be rejected. */
        public TokenBuilder unsigned() {
            signing = Signing.NONE;
            return this;
        }

        /** Correctly signed, then one claim changed, so the signature no longer matches. */
        public TokenBuilder tamperedSignature() {
            signing = Signing.TAMPERED;
            return this;
        }

        /** Signed by a key that is not in the JWKS (same key id). */
        public TokenBuilder signedByUnknownKey() {
            signing = Signing.FOREIGN_KEY;
            return this;
        }

        /** Signed by a key with an id the JWKS does not list, as after a key rotation: a resource server fetches the JWKS again. */
        public TokenBuilder signedByAKeyIdNotInTheJwks() {
            signing = Signing.NEW_KEY_ID;
            return this;
        }

        public String build() {
            JWTClaimsSet claims = claims(subject);
            return switch (signing) {
                case VALID -> sign(claims, signingKey);
                case NONE -> new PlainJWT(claims).serialize();
                case FOREIGN_KEY -> sign(claims, generateKey(signingKey.getKeyID()));
                case NEW_KEY_ID -> sign(claims, generateKey("rotated-" + UUID.randomUUID()));
                case TAMPERED -> tamper(sign(claims, signingKey));
            };
        }

        private JWTClaimsSet claims(String sub) {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(sub)
                    .audience(audience)
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(notBefore))
                    .expirationTime(Date.from(expiresAt))
                    .claim("roles", new ArrayList<>(roles));
            extraClaims.forEach(claims::claim);
            return claims.build();
        }

        /** Swaps the payload for one with a different subject and keeps the original signature. */
        private String tamper(String token) {
            String[] parts = token.split("\\.");
            String forgedPayload = claims(subject + "-forged").toPayload().toBase64URL().toString();
            return parts[0] + "." + forgedPayload + "." + parts[2];
        }

        private static String sign(JWTClaimsSet claims, RSAKey key) {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        claims);
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            }
            catch (JOSEException ex) {
                throw new IllegalStateException("Cannot sign the token", ex);
            }
        }
    }
}

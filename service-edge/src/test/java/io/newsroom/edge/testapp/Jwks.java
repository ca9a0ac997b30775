package io.newsroom.edge.testapp;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** A JWKS on loopback with an RSA and an EC P-256 key, and tokens signed RS256 or ES256 with them. */
public final class Jwks {

    public static final String ISSUER = "https://issuer.newsroom.test";

    private static final Jwks SHARED = start();

    private final RSAKey rsa;
    private final ECKey ec;
    private final HttpServer server;

    private Jwks(RSAKey rsa, ECKey ec, HttpServer server) {
        this.rsa = rsa;
        this.ec = ec;
        this.server = server;
    }

    public static Jwks shared() {
        return SHARED;
    }

    /** An issuer of its own, for a test that stops it. */
    public static Jwks start() {
        try {
            RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
            ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString()
                    .getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            return new Jwks(rsa, ec, server);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The issuer stops answering: its port refuses connections. */
    public void stop() {
        server.stop(0);
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    public String rs256(String... roles) {
        return sign(JWSAlgorithm.RS256, roles);
    }

    public String es256(String... roles) {
        return sign(JWSAlgorithm.ES256, roles);
    }

    private String sign(JWSAlgorithm algorithm, String... roles) {
        try {
            var claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("editor").audience("newsroom")
                    .claim("roles", List.of(roles)).issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
            boolean ecdsa = algorithm.equals(JWSAlgorithm.ES256);
            var jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(ecdsa ? "ec" : "rsa").build(), claims);
            jwt.sign(ecdsa ? new ECDSASigner(ec) : new RSASSASigner(rsa));
            return jwt.serialize();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}

package io.newsroom.site;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * An OpenID Connect provider on loopback, as small as the site's sign-in needs: authorize (answers at once for the
 * person the test chose, no form), token (checks the client's secret and the PKCE verifier), JWKS. Tokens are real
 * RS256 JWTs, so the site's ID token validation is what runs in production.
 */
public final class StubProvider implements AutoCloseable {

    public record Person(String username, String name, List<String> roles) {
    }

    private record Grant(Person person, String nonce, String challenge, String redirectUri) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    public volatile Person next = new Person("rosa", "Rosa Lindqvist", List.of("EDITOR"));
    /** The access tokens handed out, by user name: what the gateway must receive. */
    public final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Person> people = new ConcurrentHashMap<>();

    public StubProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/oauth2/authorize", this::authorize);
        server.createContext("/oauth2/token", this::token);
        server.createContext("/userinfo", ex -> {
            String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
            Person p = people.get(auth.replace("Bearer ", ""));
            if (p == null) {
                send(ex, 401, "{}");
            } else {
                send(ex, 200, "{\"sub\":\"" + p.username() + "\",\"name\":\"" + p.name() + "\"}");
            }
        });
        server.createContext("/oauth2/jwks", ex -> send(ex, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        if (!"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
            send(ex, 400, "{\"error\":\"invalid_request\",\"error_description\":\"PKCE required\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(next, q.get("nonce"), q.get("code_challenge"), q.get("redirect_uri")));
        ex.getResponseHeaders().set("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> f = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString("newsroom-web:web-secret".getBytes(StandardCharsets.UTF_8));
        Grant grant = codes.remove(String.valueOf(f.get("code")));
        if (!basic.equals(ex.getRequestHeaders().getFirst("Authorization")) || grant == null
                || !grant.redirectUri().equals(f.get("redirect_uri")) || !challenge(f.get("code_verifier")).equals(grant.challenge())) {
            send(ex, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            Instant now = Instant.now();
            Person p = grant.person();
            String access = sign(new JWTClaimsSet.Builder().issuer(url()).subject(p.username()).audience("newsroom")
                    .claim("name", p.name()).claim("roles", p.roles())
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900))).build());
            String id = sign(new JWTClaimsSet.Builder().issuer(url()).subject(p.username()).audience("newsroom-web")
                    .claim("name", p.name()).claim("roles", p.roles()).claim("nonce", grant.nonce())
                    .claim("azp", "newsroom-web")
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900))).build());
            accessTokens.put(p.username(), access);
            people.put(access, p);
            send(ex, 200, "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":900,"
                    + "\"scope\":\"openid profile\",\"id_token\":\"" + id + "\"}");
        } catch (com.nimbusds.jose.JOSEException e) {
            send(ex, 500, "{}");
        }
    }

    private String sign(JWTClaimsSet claims) throws com.nimbusds.jose.JOSEException {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String challenge(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(raw.split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> a));
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}

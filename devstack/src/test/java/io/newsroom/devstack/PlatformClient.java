package io.newsroom.devstack;

import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP to the running platform as a client meets it: through the gateway, with tokens from the auth-server. Every
 * request goes through local-infra's {@link HttpTestClient} (HTTP/1.1, no redirects followed, 20 s per request) to
 * an absolute URL: the gateway, the auth-server, or a service or store the drills look at directly.
 */
final class PlatformClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpTestClient HTTP = HttpTestClient.to(RunningPlatform.GATEWAY).withTimeout(Duration.ofSeconds(20));

    /** The demo clients of auth-server/README.md: role → client id and secret. */
    private static final Map<String, String[]> CLIENTS = Map.of(
            "EDITOR", new String[] {"newsroom-editor", "editor-secret"},
            "MODERATOR", new String[] {"newsroom-moderator", "moderator-secret"},
            "ADMIN", new String[] {"newsroom-admin", "admin-secret"});
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private PlatformClient() {
    }

    /** A client_credentials access token for the demo client with that role (cached; they live 15 minutes). */
    static String token(String role) {
        return TOKENS.computeIfAbsent(role, r -> {
            String[] client = CLIENTS.get(r);
            var response = request("POST", RunningPlatform.AUTH + "/oauth2/token")
                    .header("Authorization", HttpTestClient.basic(client[0], client[1]))
                    .form("grant_type", "client_credentials")
                    .send();
            if (response.status() != 200) {
                throw new IllegalStateException("no token for " + r + ": " + response.status() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asString();
        });
    }

    /** After the auth-server restarted (new signing key): the cached tokens no longer validate. */
    static void forgetTokens() {
        TOKENS.clear();
    }

    static HttpTestResponse get(String url, String token) {
        var request = request("GET", url);
        if (token != null) {
            request.bearer(token);
        }
        return request.send();
    }

    /** A request to an absolute {@code url}, to build up and {@link HttpTestClient.Request#send() send}. */
    static HttpTestClient.Request request(String method, String url) {
        return HTTP.request(method, url);
    }

    static JsonNode json(HttpTestResponse response) {
        return JSON.readTree(response.body());
    }
}

package io.newsroom.devstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** HTTP to the running platform as a client meets it: through the gateway, with tokens from the auth-server. */
final class PlatformClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

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
            String basic = Base64.getEncoder().encodeToString((client[0] + ":" + client[1]).getBytes(StandardCharsets.UTF_8));
            var response = send(HttpRequest.newBuilder(URI.create(RunningPlatform.AUTH + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + r + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asString();
        });
    }

    /** After the auth-server restarted (new signing key): the cached tokens no longer validate. */
    static void forgetTokens() {
        TOKENS.clear();
    }

    static HttpResponse<String> get(String url, String token) {
        var request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}

package io.newsroom.article;

import io.newsroom.infra.security.LocalIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A plain HTTP client against the running service, as the gateway or an editor's tool would call it. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static String editorToken(String subject) {
        return LocalIssuer.shared().token(subject, "EDITOR");
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Response send(String method, String path, Object body, String... headers) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(path, headers).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** As editor {@code subject}, with {@code If-Match} when {@code etag} is not null. */
    public Response edit(String method, String path, Object body, String subject, String etag) {
        var headers = etag == null
                ? new String[] {"Authorization", "Bearer " + editorToken(subject)}
                : new String[] {"Authorization", "Bearer " + editorToken(subject), "If-Match", etag};
        return body == null ? send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()))
                : send(method, path, body, headers);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(base + path));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        public String etag() {
            return header("ETag");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}

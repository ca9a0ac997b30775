package io.newsroom.infra.http;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP client of the tests, against a service, the gateway or devstack, as a client on the network sees
 * them. One for every module so that what a test sends is plain to read: the path and query go on the wire as
 * written (so {@code %00} or {@code %FF} reach the server as such), redirects are not followed (a 301's
 * {@code Location} is what is asserted), HTTP/1.1 (what the gateway speaks to the services; no h2c upgrade
 * headers), and every status is an answer, never an exception. Thread-safe; one instance can drive a benchmark.
 *
 * <pre>{@code
 * var http = HttpTestClient.loopback(port);
 * HttpTestResponse page = http.get("/articles?limit=1");
 * HttpTestResponse created = http.withBearer(token).post("/editor/articles", Map.of("headline", "Floods"));
 * HttpTestResponse edited = http.request("PUT", "/editor/articles/" + id).bearer(token)
 *         .header("If-Match", etag).json(copy).send();
 * }</pre>
 */
public final class HttpTestClient {

    /** How bodies are written and {@link HttpTestResponse#json()} read: Jackson 3 defaults. */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient SHARED = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    private final String baseUrl;
    private final List<String> defaultHeaders;
    private final Duration timeout;

    private HttpTestClient(String baseUrl, List<String> defaultHeaders, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.defaultHeaders = List.copyOf(defaultHeaders);
        this.timeout = timeout;
    }

    /** A client for {@code baseUrl} (e.g. {@code http://localhost:8080/api/v1}); paths are appended to it. */
    public static HttpTestClient to(String baseUrl) {
        return new HttpTestClient(baseUrl, List.of(), DEFAULT_TIMEOUT);
    }

    /** A client for {@code http://127.0.0.1:port}, a server this test started. */
    public static HttpTestClient loopback(int port) {
        return to("http://127.0.0.1:" + port);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The same client, also sending these headers ({@code name, value, name, value, ...}) on every request. */
    public HttpTestClient withHeaders(String... namesAndValues) {
        var headers = new ArrayList<>(defaultHeaders);
        headers.addAll(pairs(namesAndValues));
        return new HttpTestClient(baseUrl, headers, timeout);
    }

    /** The same client, sending {@code Authorization: Bearer token} on every request. */
    public HttpTestClient withBearer(String token) {
        return withHeaders("Authorization", bearer(token));
    }

    /** The same client with another request timeout (default 60 s). */
    public HttpTestClient withTimeout(Duration requestTimeout) {
        return new HttpTestClient(baseUrl, defaultHeaders, requestTimeout);
    }

    /** {@code Bearer token}, the value of an {@code Authorization} header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public HttpTestResponse get(String path, String... headers) {
        return request("GET", path).headers(headers).send();
    }

    public HttpTestResponse head(String path, String... headers) {
        return request("HEAD", path).headers(headers).send();
    }

    public HttpTestResponse delete(String path, String... headers) {
        return request("DELETE", path).headers(headers).send();
    }

    /** POST with {@code body} as JSON (see {@link Request#json}); {@code null}: no body. */
    public HttpTestResponse post(String path, Object body, String... headers) {
        return request("POST", path).headers(headers).json(body).send();
    }

    /** PUT with {@code body} as JSON (see {@link Request#json}); {@code null}: no body. */
    public HttpTestResponse put(String path, Object body, String... headers) {
        return request("PUT", path).headers(headers).json(body).send();
    }

    /** Any method, built up and then {@link Request#send() sent}. */
    public Request request(String method, String path) {
        return new Request(method, path);
    }

    private static List<String> pairs(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name, value pairs");
        }
        return List.of(namesAndValues);
    }

    /** One request; not thread-safe, send it once. */
    public final class Request {

        private final String method;
        private final String path;
        private final List<String> headers = new ArrayList<>(defaultHeaders);
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        private Duration requestTimeout = timeout;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Request header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        /** Headers as {@code name, value, name, value, ...}. */
        public Request headers(String... namesAndValues) {
            headers.addAll(pairs(namesAndValues));
            return this;
        }

        public Request bearer(String token) {
            return header("Authorization", HttpTestClient.bearer(token));
        }

        /**
         * {@code Content-Type: application/json} and the body: a {@code String} or {@code byte[]} is sent as is
         * (already JSON, or deliberately not), anything else is written by {@link #JSON}; {@code null} sends none.
         */
        public Request json(Object value) {
            return switch (value) {
                case null -> this;
                case String text -> body("application/json", text);
                case byte[] bytes -> body("application/json", bytes);
                default -> body("application/json", JSON.writeValueAsBytes(value));
            };
        }

        /** A body of any type, as UTF-8 text. */
        public Request body(String contentType, String text) {
            return body(contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        public Request body(String contentType, byte[] bytes) {
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return header("Content-Type", contentType);
        }

        public Request timeout(Duration timeout) {
            requestTimeout = timeout;
            return this;
        }

        public HttpTestResponse send() {
            HttpRequest request = build();
            try {
                return answer(SHARED.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + request.uri() + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(method + " " + request.uri() + " interrupted", e);
            }
        }

        /** Sends without waiting, for open-loop load (a fixed rate whatever the latency). */
        public CompletableFuture<HttpTestResponse> sendAsync() {
            return SHARED.sendAsync(build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .thenApply(Request::answer);
        }

        private HttpRequest build() {
            var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(requestTimeout).method(method, body);
            for (int i = 0; i < headers.size(); i += 2) {
                request.header(headers.get(i), headers.get(i + 1));
            }
            return request.build();
        }

        private static HttpTestResponse answer(HttpResponse<String> response) {
            return new HttpTestResponse(response.statusCode(), response.headers().map(), response.body());
        }
    }
}

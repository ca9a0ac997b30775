package io.newsroom.infra.http;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP client of the tests, against a service, the gateway or devstack, as a client on the network sees
 * them. One for every module so that what a test sends is plain to read: the path and query go on the wire as
 * written (so {@code %00} or {@code %FF} reach the server as such), redirects are not followed (a 301's
 * {@code Location} is what is asserted), HTTP/1.1 (what the gateway speaks to the services; no h2c upgrade
 * headers), and every status is an answer, never an exception. Thread-safe; one instance can drive a benchmark.
 * A client can connect from another loopback address ({@link #withLocalAddress}, a peer that is not a trusted
 * proxy) and keep cookies like a browser ({@link #withCookies}).
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
    private static final HttpClient SHARED = builder(null).build();
    /** One JDK client per local address asked for, shared like {@link #SHARED}. */
    private static final Map<InetAddress, HttpClient> BOUND = new ConcurrentHashMap<>();

    private final String baseUrl;
    private final List<String> defaultHeaders;
    private final Duration timeout;
    private final InetAddress localAddress;
    private final HttpClient http;

    private HttpTestClient(String baseUrl, List<String> defaultHeaders, Duration timeout, InetAddress localAddress,
                           HttpClient http) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.defaultHeaders = List.copyOf(defaultHeaders);
        this.timeout = timeout;
        this.localAddress = localAddress;
        this.http = http;
    }

    /** A client for {@code baseUrl} (e.g. {@code http://localhost:8080/api/v1}); paths are appended to it. */
    public static HttpTestClient to(String baseUrl) {
        return new HttpTestClient(baseUrl, List.of(), DEFAULT_TIMEOUT, null, SHARED);
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
        return new HttpTestClient(baseUrl, headers, timeout, localAddress, http);
    }

    /** The same client, sending {@code Authorization: Bearer token} on every request. */
    public HttpTestClient withBearer(String token) {
        return withHeaders("Authorization", bearer(token));
    }

    /** The same client with another request timeout (default 60 s). */
    public HttpTestClient withTimeout(Duration requestTimeout) {
        return new HttpTestClient(baseUrl, defaultHeaders, requestTimeout, localAddress, http);
    }

    /**
     * The same client, connecting from {@code address} (e.g. {@code 127.0.0.2}: a loopback peer that is not
     * {@code 127.0.0.1}, the trusted proxy of a test). Any cookie jar is not carried over.
     */
    public HttpTestClient withLocalAddress(String address) {
        InetAddress local = address(address);
        return new HttpTestClient(baseUrl, defaultHeaders, timeout, local,
                BOUND.computeIfAbsent(local, a -> builder(a).build()));
    }

    /**
     * The same client with a cookie jar of its own, as a browser: cookies the server sets are sent back to it.
     * Each call is a new, empty jar (a fresh browser); the client it returns is as thread-safe as the jar.
     */
    public HttpTestClient withCookies() {
        return new HttpTestClient(baseUrl, defaultHeaders, timeout, localAddress,
                builder(localAddress).cookieHandler(new CookieManager()).build());
    }

    /** {@code Bearer token}, the value of an {@code Authorization} header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** {@code Basic base64(user:password)}, the value of an {@code Authorization} header (RFC 7617, UTF-8). */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
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

    /**
     * Any method, built up and then {@link Request#send() sent}. {@code path} is appended to the base URL as
     * written; an absolute {@code http(s)://} URL (a {@code Location} to follow) is used instead of it.
     */
    public Request request(String method, String path) {
        return new Request(method, path);
    }

    private static HttpClient.Builder builder(InetAddress localAddress) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT);
        return localAddress == null ? builder : builder.localAddress(localAddress);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new UncheckedIOException("not an address: " + literal, e);
        }
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

        /** A body of any type; {@code contentType} null: no {@code Content-Type} (the request's own headers say). */
        public Request body(String contentType, byte[] bytes) {
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return contentType == null ? this : header("Content-Type", contentType);
        }

        /**
         * An HTML form's body ({@code application/x-www-form-urlencoded}): {@code name, value, name, value, ...},
         * each value URL-encoded as UTF-8; a name may repeat (a multiple choice).
         */
        public Request form(String... namesAndValues) {
            List<String> fields = pairs(namesAndValues);
            var encoded = new StringBuilder();
            for (int i = 0; i < fields.size(); i += 2) {
                encoded.append(i == 0 ? "" : "&").append(fields.get(i)).append('=')
                        .append(URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
            }
            return body("application/x-www-form-urlencoded", encoded.toString());
        }

        /** The body sent chunked, without a {@code Content-Length} (as a client streaming what it writes). */
        public Request chunked(String contentType, byte[] bytes) {
            body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(bytes));
            return header("Content-Type", contentType);
        }

        public Request timeout(Duration timeout) {
            requestTimeout = timeout;
            return this;
        }

        public HttpTestResponse send() {
            HttpRequest request = build();
            try {
                return answer(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + request.uri() + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(method + " " + request.uri() + " interrupted", e);
            }
        }

        /** Sends without waiting, for open-loop load (a fixed rate whatever the latency). */
        public CompletableFuture<HttpTestResponse> sendAsync() {
            return http.sendAsync(build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .thenApply(Request::answer);
        }

        private HttpRequest build() {
            var request = HttpRequest.newBuilder(URI.create(absolute(path) ? path : baseUrl + path)).timeout(requestTimeout).method(method, body);
            for (int i = 0; i < headers.size(); i += 2) {
                request.header(headers.get(i), headers.get(i + 1));
            }
            return request.build();
        }

        private static boolean absolute(String path) {
            return path.startsWith("http://") || path.startsWith("https://");
        }

        private static HttpTestResponse answer(HttpResponse<String> response) {
            return new HttpTestResponse(response.statusCode(), response.headers().map(), response.body());
        }
    }
}

package io.newsroom.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for one of the services: a real HTTP server on loopback that answers canned JSON, records what it
 * received, and can be stopped, restarted on the same port, or made slow. The services are tested on their own;
 * here only the gateway's behaviour around them matters.
 */
public final class FakeService {

    /** What the service saw. */
    public record Received(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** A canned answer for a path prefix. */
    public record Answer(int status, String json, Map<String, String> headers) {
    }

    private final String name;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Duration delay = Duration.ZERO;
    private volatile HttpServer server;
    private int port;

    public FakeService(String name) {
        this.name = name;
    }

    public synchronized FakeService start() {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            created.createContext("/", this::handle);
            created.setExecutor(workers);
            created.start();
            server = created;
            port = created.getAddress().getPort();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start fake " + name, e);
        }
    }

    /** Down: connections to its port are refused. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public boolean isRunning() {
        return server != null;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public FakeService answer(String pathPrefix, int status, String json, Map<String, String> headers) {
        answers.put(pathPrefix, new Answer(status, json, headers));
        return this;
    }

    public FakeService answer(String pathPrefix, String json) {
        return answer(pathPrefix, 200, json, Map.of());
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last() {
        return received.isEmpty() ? null : received.getLast();
    }

    public void reset() {
        received.clear();
        delay = Duration.ZERO;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(),
                    Map.copyOf(exchange.getRequestHeaders()), requestBody));
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            String path = exchange.getRequestURI().getPath();
            Answer answer = answers.entrySet().stream()
                    .filter(e -> path.startsWith(e.getKey()))
                    .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
                    .map(Map.Entry::getValue)
                    .orElseGet(() -> new Answer(200, echo(exchange), Map.of()));
            byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String echo(HttpExchange exchange) {
        return "{\"service\":\"%s\",\"path\":\"%s\"}".formatted(name, exchange.getRequestURI().getPath());
    }
}

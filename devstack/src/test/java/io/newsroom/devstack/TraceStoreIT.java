package io.newsroom.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * devstack's trace store is a real Zipkin: it starts from the exec jar, accepts spans on /api/v2/spans and returns
 * them by trace id. Runs on a free port, so it does not disturb a running devstack (9411).
 */
class TraceStoreIT {

    @Test
    void zipkinStoresAndReturnsATrace() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path root = Path.of(System.getProperty("newsroom.devstack.root", "..")).toAbsolutePath().normalize();
        Path log = Files.createTempDirectory("trace-store-it").resolve("zipkin.log");
        TraceStore store = TraceStore.start(TraceStore.jar(root), port, log);
        try {
            store.awaitReady(Duration.ofSeconds(90));
            String traceId = UUID.randomUUID().toString().replace("-", "");
            String span = """
                    [{"traceId":"%s","id":"%s","name":"post /articles/{id}/publish","timestamp":%d,"duration":1500,
                      "kind":"SERVER","localEndpoint":{"serviceName":"article-service"}}]"""
                    .formatted(traceId, traceId.substring(0, 16), System.currentTimeMillis() * 1000);
            HttpClient http = HttpClient.newHttpClient();
            var posted = http.send(HttpRequest.newBuilder(java.net.URI.create(store.spansEndpoint()))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(span)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(202);
            String trace = "";
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && !trace.contains("article-service")) {
                var response = http.send(HttpRequest.newBuilder(store.trace(traceId)).build(), HttpResponse.BodyHandlers.ofString());
                trace = response.statusCode() == 200 ? response.body() : "";
                Thread.sleep(200);
            }
            assertThat(trace).contains(traceId).contains("article-service");
            assertThat(store.url()).isEqualTo("http://localhost:" + port + "/zipkin/");
        } finally {
            store.stop();
        }
    }
}

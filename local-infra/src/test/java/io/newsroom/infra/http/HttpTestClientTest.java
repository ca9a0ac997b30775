package io.newsroom.infra.http;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpTestClientTest {

    private HttpServer server;
    private HttpTestClient http;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] sent = exchange.getRequestBody().readAllBytes();
            String echo = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())
                    + " " + exchange.getRequestHeaders().getFirst("Authorization")
                    + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " " + new String(sent, StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getPath().equals("/about-the-request")) {
                exchange.getResponseHeaders().add("Set-Cookie", "session=s1; Path=/; HttpOnly");
                byte[] body = (exchange.getRemoteAddress().getAddress().getHostAddress()
                        + " cookie=" + exchange.getRequestHeaders().getFirst("Cookie")
                        + " length=" + exchange.getRequestHeaders().getFirst("Content-Length")
                        + " encoding=" + exchange.getRequestHeaders().getFirst("Transfer-Encoding")
                        + " " + new String(sent, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else if (exchange.getRequestURI().getPath().equals("/moved")) {
                exchange.getResponseHeaders().add("Location", "/elsewhere");
                exchange.sendResponseHeaders(301, -1);
            } else if (exchange.getRequestURI().getPath().equals("/problem")) {
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.getResponseHeaders().add("Vary", "Accept");
                exchange.getResponseHeaders().add("Vary", "Origin");
                byte[] body = "{\"status\":400}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(400, body.length);
                exchange.getResponseBody().write(body);
            } else {
                byte[] body = echo.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain;charset=UTF-8");
                exchange.sendResponseHeaders(200, exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
                exchange.getResponseBody().write(exchange.getRequestMethod().equals("HEAD") ? new byte[0] : body);
            }
            exchange.close();
        });
        server.start();
        http = HttpTestClient.loopback(server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsThePathAsWrittenAndJsonBodies() {
        assertThat(http.get("/a?x=%00&y=%FF").body()).isEqualTo("GET /a?x=%00&y=%FF null null ");
        assertThat(http.withBearer("t").post("/p", Map.of("a", 1)).body())
                .isEqualTo("POST /p Bearer t application/json {\"a\":1}");
        assertThat(http.request("PUT", "/p").json("{not json").send().body())
                .isEqualTo("PUT /p null application/json {not json");
        assertThat(http.request("DELETE", "/p").body("text/plain", new byte[] {'x'}).send().body())
                .isEqualTo("DELETE /p null text/plain x");
        assertThat(http.request("POST", "/p").header("Content-Type", "text/csv").body(null, new byte[] {'y'}).send().body())
                .isEqualTo("POST /p null text/csv y");
    }

    @Test
    void doesNotFollowRedirectsAndReadsHeadersInAnyCase() {
        HttpTestResponse moved = http.get("/moved");
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.header("location")).isEqualTo("/elsewhere");
        assertThat(moved.header("LOCATION")).isEqualTo("/elsewhere");
        assertThat(moved.header("ETag")).isNull();
        assertThat(moved.json().isMissingNode()).isTrue();
    }

    @Test
    void headHasNoBody() {
        HttpTestResponse head = http.head("/list");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void problemsAreExactlyProblemJson() {
        HttpTestResponse problem = http.get("/problem");
        assertThat(problem.isProblem()).isTrue();
        assertThat(problem.problem().path("status").asInt()).isEqualTo(400);
        assertThat(problem.headers("vary")).containsExactly("Accept", "Origin");
        HttpTestResponse text = http.get("/text");
        assertThat(text.isProblem()).isFalse();
        assertThatThrownBy(text::problem).isInstanceOf(AssertionError.class);
    }

    @Test
    void formsAreUrlEncodedAndNamesMayRepeat() {
        assertThat(http.request("POST", "/f").form("q", "café & co", "id", "1", "id", "2").send().body())
                .isEqualTo("POST /f null application/x-www-form-urlencoded q=caf%C3%A9+%26+co&id=1&id=2");
        assertThat(http.request("POST", "/f").header("Authorization", HttpTestClient.basic("web", "s3cret")).send().body())
                .startsWith("POST /f Basic d2ViOnMzY3JldA== ");
    }

    @Test
    void aChunkedBodyHasNoContentLength() {
        assertThat(http.request("POST", "/about-the-request").chunked("text/plain", "x".repeat(3000).getBytes()).send().body())
                .startsWith("127.0.0.1 cookie=null length=null encoding=chunked xxx").endsWith("x".repeat(10));
    }

    @Test
    void aClientWithCookiesSendsBackWhatTheServerSetAndOthersDoNot() {
        HttpTestClient browser = http.withCookies();
        assertThat(browser.get("/about-the-request").body()).contains("cookie=null");
        assertThat(browser.get("/about-the-request").body()).contains("cookie=session=s1");
        assertThat(http.get("/about-the-request").body()).contains("cookie=null");
        assertThat(http.withCookies().get("/about-the-request").body()).as("a fresh jar").contains("cookie=null");
    }

    @Test
    void aClientCanConnectFromAnotherLoopbackAddress() {
        assertThat(http.get("/about-the-request").body()).startsWith("127.0.0.1 ");
        assertThat(http.withLocalAddress("127.0.0.2").get("/about-the-request").body()).startsWith("127.0.0.2 ");
        assertThat(http.withLocalAddress("127.0.0.2").withCookies().get("/about-the-request").body()).startsWith("127.0.0.2 ");
    }

    @Test
    void anAbsoluteUrlIsUsedInsteadOfTheBaseUrl() {
        assertThat(HttpTestClient.to("http://192.0.2.1:9").get(http.baseUrl() + "/abs?x=1").body())
                .isEqualTo("GET /abs?x=1 null null ");
    }
}

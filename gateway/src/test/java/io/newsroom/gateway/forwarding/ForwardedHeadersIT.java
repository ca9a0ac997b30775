package io.newsroom.gateway.forwarding;

import java.util.List;
import java.util.Map;

import io.newsroom.gateway.support.FakeService;
import io.newsroom.gateway.support.GatewayTestSupport;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defects 1 and 2 of issue 11: services learn the reader's address and the URL the reader used (and nothing a
 * client forged); every URL in a service's answer headers is a gateway URL.
 */
class ForwardedHeadersIT extends GatewayTestSupport {

    @Test
    void theResolvedClientAddressIsTheOnlyForwardedForAndProtoHostPortPrefixAreTheClients() {
        String reader = nextReaderAddress();

        assertThat(client(reader).get("/api/v1/articles/israel-votes").status()).isEqualTo(200);

        FakeService.Received received = ARTICLES.last();
        assertThat(values(received, "X-Forwarded-For")).containsExactly(reader);
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(received.header("X-Forwarded-Port")).isEqualTo(Integer.toString(port));
        assertThat(received.header("X-Forwarded-Prefix")).isEqualTo("/api/v1");
    }

    @Test
    void everyServiceRouteForwardsTheClient() {
        String reader = nextReaderAddress();

        assertThat(client(reader).post("/api/v1/articles/a1b2/comments", "{}").status()).isEqualTo(200);
        assertThat(client(reader).get("/api/v1/search?q=x").status()).isEqualTo(200);

        assertThat(values(COMMENTS.last(), "X-Forwarded-For")).containsExactly(reader);
        assertThat(COMMENTS.last().header("X-Forwarded-Prefix")).isEqualTo("/api/v1");
        assertThat(values(SEARCH.last(), "X-Forwarded-For")).containsExactly(reader);
    }

    @Test
    void forwardedHeadersForgedByAClientAreReplacedByTheGateways() {
        assertThat(untrustedPeer().get("/api/v1/articles/israel-votes",
                "X-Forwarded-For", "203.0.113.66",
                "Forwarded", "for=203.0.113.66;proto=https;host=evil.example",
                "X-Forwarded-Host", "evil.example",
                "X-Forwarded-Proto", "https",
                "X-Forwarded-Port", "443",
                "X-Forwarded-Prefix", "/evil",
                "X-Forwarded-Server", "evil").status()).isEqualTo(200);

        FakeService.Received received = ARTICLES.last();
        assertThat(values(received, "X-Forwarded-For")).containsExactly("127.0.0.2");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Port")).isEqualTo(Integer.toString(port));
        assertThat(received.header("X-Forwarded-Prefix")).isEqualTo("/api/v1");
        assertThat(received.header("Forwarded")).isNull();
        assertThat(received.header("X-Forwarded-Server")).isNull();
    }

    @Test
    void protoAndHostReportedByTheTrustedIngressAreThoseForwarded() {
        String reader = nextReaderAddress();

        assertThat(client(reader).get("/api/v1/articles/israel-votes",
                "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "news.example",
                "Forwarded", "for=198.51.100.1").status()).isEqualTo(200);

        FakeService.Received received = ARTICLES.last();
        assertThat(values(received, "X-Forwarded-For")).containsExactly(reader);
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("news.example");
        assertThat(received.header("X-Forwarded-Port")).isEqualTo("443");
        assertThat(received.header("Forwarded")).isNull();
    }

    @Test
    void apiDocumentRoutesCarryNoPrefix() {
        assertThat(client().get("/openapi/article").status()).isEqualTo(200);

        assertThat(ARTICLES.last().header("X-Forwarded-Prefix")).isNull();
        assertThat(ARTICLES.last().header("X-Forwarded-For")).isNotNull();
    }

    @Test
    void aRedirectToTheServicesOwnUrlBecomesAGatewayUrl() {
        ARTICLES.answer("/articles/old-slug", 301, "",
                Map.of("Location", ARTICLES.baseUrl() + "/articles/new-slug?utm=x"));

        HttpTestResponse response = client().get("/api/v1/articles/old-slug");
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.headers("Location")).containsExactly(gatewayOrigin() + "/api/v1/articles/new-slug?utm=x");
    }

    @Test
    void aCreatedCommentsLocationAndContentLocationBecomeGatewayUrls() {
        COMMENTS.answer("/articles/d4e5/comments", 201, "{\"id\":\"c9\"}",
                Map.of("Location", COMMENTS.baseUrl() + "/comments/c9",
                        "Content-Location", COMMENTS.baseUrl() + "/comments/c9"));

        HttpTestResponse response = client().post("/api/v1/articles/d4e5/comments", "{}",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "news.example");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers("Location")).containsExactly("https://news.example/api/v1/comments/c9");
        assertThat(response.headers("Content-Location")).containsExactly("https://news.example/api/v1/comments/c9");
    }

    @Test
    void resourceMetadataInAServicesChallengeBecomesAGatewayUrl() {
        ARTICLES.answer("/editor/articles", 401,
                "{\"type\":\"https://newsroom.example/problems/unauthenticated\",\"status\":401}",
                Map.of("Content-Type", "application/problem+json", "WWW-Authenticate",
                        "Bearer resource_metadata=\"" + ARTICLES.baseUrl()
                                + "/.well-known/oauth-protected-resource\", error=\"invalid_token\""));
        String token = io.newsroom.infra.security.LocalIssuer.shared().token("staff", "EDITOR");

        HttpTestResponse response = client().withBearer(token).post("/api/v1/editor/articles", "{}");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers("WWW-Authenticate")).containsExactly("Bearer resource_metadata=\"" + gatewayOrigin()
                + "/api/v1/.well-known/oauth-protected-resource\", error=\"invalid_token\"");
    }

    @Test
    void urlsElsewhereAreLeftAlone() {
        ARTICLES.answer("/articles/moved-away", 302, "", Map.of("Location", "https://archive.example/a"));

        assertThat(client().get("/api/v1/articles/moved-away").headers("Location")).containsExactly("https://archive.example/a");
    }

    private static List<String> values(FakeService.Received received, String name) {
        return received.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).toList();
    }
}

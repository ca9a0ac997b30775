package io.newsroom.gateway.forwarding;

import java.util.List;
import java.util.Map;

import io.newsroom.gateway.support.FakeService;
import io.newsroom.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defects 1 and 2 of issue 11: services learn the reader's address and the URL the reader used (and nothing a
 * client forged); every URL in a service's answer headers is a gateway URL.
 */
class ForwardedHeadersIT extends GatewayTestSupport {

    @Test
    void theResolvedClientAddressIsTheOnlyForwardedForAndProtoHostPortPrefixAreTheClients() {
        String reader = nextReaderAddress();

        client(reader).get().uri("/api/v1/articles/israel-votes").exchange().expectStatus().isOk();

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

        client(reader).post().uri("/api/v1/articles/a1b2/comments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isOk();
        client(reader).get().uri("/api/v1/search?q=x").exchange().expectStatus().isOk();

        assertThat(values(COMMENTS.last(), "X-Forwarded-For")).containsExactly(reader);
        assertThat(COMMENTS.last().header("X-Forwarded-Prefix")).isEqualTo("/api/v1");
        assertThat(values(SEARCH.last(), "X-Forwarded-For")).containsExactly(reader);
    }

    @Test
    void forwardedHeadersForgedByAClientAreReplacedByTheGateways() {
        untrustedPeer().get().uri("/api/v1/articles/israel-votes")
                .header("X-Forwarded-For", "203.0.113.66")
                .header("Forwarded", "for=203.0.113.66;proto=https;host=evil.example")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Prefix", "/evil")
                .header("X-Forwarded-Server", "evil")
                .exchange().expectStatus().isOk();

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

        client(reader).get().uri("/api/v1/articles/israel-votes")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "news.example")
                .header("Forwarded", "for=198.51.100.1")
                .exchange().expectStatus().isOk();

        FakeService.Received received = ARTICLES.last();
        assertThat(values(received, "X-Forwarded-For")).containsExactly(reader);
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("news.example");
        assertThat(received.header("X-Forwarded-Port")).isEqualTo("443");
        assertThat(received.header("Forwarded")).isNull();
    }

    @Test
    void apiDocumentRoutesCarryNoPrefix() {
        client().get().uri("/openapi/article").exchange().expectStatus().isOk();

        assertThat(ARTICLES.last().header("X-Forwarded-Prefix")).isNull();
        assertThat(ARTICLES.last().header("X-Forwarded-For")).isNotNull();
    }

    @Test
    void aRedirectToTheServicesOwnUrlBecomesAGatewayUrl() {
        ARTICLES.answer("/articles/old-slug", 301, "",
                Map.of("Location", ARTICLES.baseUrl() + "/articles/new-slug?utm=x"));

        client().get().uri("/api/v1/articles/old-slug").exchange()
                .expectStatus().isEqualTo(301)
                .expectHeader().valueEquals("Location", gatewayOrigin() + "/api/v1/articles/new-slug?utm=x");
    }

    @Test
    void aCreatedCommentsLocationAndContentLocationBecomeGatewayUrls() {
        COMMENTS.answer("/articles/d4e5/comments", 201, "{\"id\":\"c9\"}",
                Map.of("Location", COMMENTS.baseUrl() + "/comments/c9",
                        "Content-Location", COMMENTS.baseUrl() + "/comments/c9"));

        client().post().uri("/api/v1/articles/d4e5/comments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "news.example")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "https://news.example/api/v1/comments/c9")
                .expectHeader().valueEquals("Content-Location", "https://news.example/api/v1/comments/c9");
    }

    @Test
    void resourceMetadataInAServicesChallengeBecomesAGatewayUrl() {
        ARTICLES.answer("/editor/articles", 401,
                "{\"type\":\"https://newsroom.example/problems/unauthenticated\",\"status\":401}",
                Map.of("Content-Type", "application/problem+json", "WWW-Authenticate",
                        "Bearer resource_metadata=\"" + ARTICLES.baseUrl()
                                + "/.well-known/oauth-protected-resource\", error=\"invalid_token\""));
        String token = io.newsroom.infra.security.LocalIssuer.shared().token("staff", "EDITOR");

        client().post().uri("/api/v1/editor/articles").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer resource_metadata=\"" + gatewayOrigin()
                        + "/api/v1/.well-known/oauth-protected-resource\", error=\"invalid_token\"");
    }

    @Test
    void urlsElsewhereAreLeftAlone() {
        ARTICLES.answer("/articles/moved-away", 302, "", Map.of("Location", "https://archive.example/a"));

        client().get().uri("/api/v1/articles/moved-away").exchange()
                .expectHeader().valueEquals("Location", "https://archive.example/a");
    }

    private static List<String> values(FakeService.Received received, String name) {
        return received.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).toList();
    }
}

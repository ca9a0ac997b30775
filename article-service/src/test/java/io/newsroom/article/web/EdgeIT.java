package io.newsroom.article.web;

import io.newsroom.article.Api;
import io.newsroom.article.ArticleServiceTest;
import io.newsroom.article.Drafts;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The defects issue 11 found at article-service's edge, each through the real HTTP stack. */
@ArticleServiceTest
class EdgeIT {

    private static final String[] GATEWAY = {"X-Forwarded-For", "127.0.0.2", "X-Forwarded-Proto", "http",
            "X-Forwarded-Host", "news.example:8080", "X-Forwarded-Port", "8080", "X-Forwarded-Prefix", "/api/v1"};

    @LocalServerPort
    int port;

    @Test
    void headOnThePublicListIs200WithoutBody() {
        HttpTestResponse head = HttpTestClient.loopback(port).head("/articles?limit=1");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aCreatedDraftsLocationIsAGatewayUrl() {
        HttpTestResponse created = HttpTestClient.loopback(port).withHeaders(GATEWAY).withBearer(Api.editorToken("dana"))
                .post("/editor/articles", Drafts.copy("Talks go on"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).startsWith("http://news.example:8080/api/v1/editor/articles/");
    }

    @Test
    void a401NamesTheGatewaysResourceMetadata() {
        HttpTestResponse anonymous = api().send("POST", "/editor/articles", Drafts.copy("Talks go on"), GATEWAY);
        assertProblem(anonymous, 401, "unauthenticated");
        assertThat(anonymous.header("WWW-Authenticate")).contains("resource_metadata=\"http://news.example:8080/api/v1/")
                .doesNotContain(":" + port);
    }

    @Test
    void controlCharactersInParametersAreInvalidRequests() {
        for (String parameter : new String[] {"section", "tag", "author", "cursor"}) {
            HttpTestResponse response = api().get("/articles?" + parameter + "=%00");
            assertProblem(response, 400, "invalid-request");
            assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(parameter);
        }
    }

    @Test
    void invalidUtf8InAParameterIsAProblem() {
        HttpTestResponse response = api().get("/articles?cursor=%FF");
        assertProblem(response, 400, "invalid-request");
        assertThat(response.body()).doesNotContain("timestamp");
    }

    @Test
    void aNulInAHeadlineOrANumberForAHeadlineIsAnInvalidField() {
        var token = new String[] {"Authorization", "Bearer " + Api.editorToken("dana")};
        Map<String, Object> nul = Drafts.copy("nul\u0000byte");
        assertField(api().send("POST", "/editor/articles", nul, token), "headline");
        Map<String, Object> number = Drafts.copy("x");
        number.put("headline", 123);
        assertField(api().send("POST", "/editor/articles", number, token), "headline");
    }

    private Api api() {
        return new Api(port);
    }

    private static void assertField(HttpTestResponse response, String field) {
        assertProblem(response, 400, "invalid-request");
        assertThat(response.json().path("errors").findValuesAsString("field")).as(response.body()).contains(field);
    }

    private static void assertProblem(HttpTestResponse response, int status, String kind) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("https://newsroom.example/problems/" + kind);
    }
}

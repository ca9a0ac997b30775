package io.newsroom.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.search.support.RealInfraTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Issue 11's edge defects, as search-service answers them. */
class EdgeIT extends RealInfraTest {

    @Test
    void controlCharactersAndInvalidUtf8InParametersAreInvalidRequests() {
        for (String query : new String[] {"/search?q=%00", "/search?q=x&section=%00", "/suggest?prefix=%00",
                "/search?q=%FF", "/latest?cursor=%FF"}) {
            Response response = get(query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).isEqualTo("application/problem+json");
            assertThat(response.body().path("type").asString())
                    .isEqualTo("https://newsroom.example/problems/invalid-request");
            assertThat(response.body().has("timestamp")).isFalse();
        }
    }

    @Test
    void refusedAdminCallsAreUtf8ProblemsThatEchoNothing() {
        Response anonymous = post("/admin/index/rebuild", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).isEqualTo("application/problem+json");
        Response bad = post("/admin/index/rebuild", "not.a.token");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.body().path("detail").asString()).isEqualTo("The bearer token is invalid or has expired.");
    }

    @Test
    void headWorksWhereGetDoes() throws Exception {
        HttpResponse<String> head = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/search?q=x"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }
}

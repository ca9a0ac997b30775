package io.newsroom.search.web;

import io.newsroom.infra.http.HttpTestResponse;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.search.support.RealInfraTest;
import org.junit.jupiter.api.Test;

/** Issue 11's edge defects, as search-service answers them. */
class EdgeIT extends RealInfraTest {

    @Test
    void controlCharactersAndInvalidUtf8InParametersAreInvalidRequests() {
        for (String query : new String[] {"/search?q=%00", "/search?q=x&section=%00", "/suggest?prefix=%00",
                "/search?q=%FF", "/latest?cursor=%FF"}) {
            HttpTestResponse response = get(query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).isEqualTo("application/problem+json");
            assertThat(response.json().path("type").asString())
                    .isEqualTo("https://newsroom.example/problems/invalid-request");
            assertThat(response.json().has("timestamp")).isFalse();
        }
    }

    @Test
    void refusedAdminCallsAreUtf8ProblemsThatEchoNothing() {
        HttpTestResponse anonymous = post("/admin/index/rebuild", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).isEqualTo("application/problem+json");
        HttpTestResponse bad = post("/admin/index/rebuild", "not.a.token");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().path("detail").asString()).isEqualTo("The bearer token is invalid or has expired.");
    }

    @Test
    void headWorksWhereGetDoes() {
        HttpTestResponse head = http().head("/search?q=x");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }
}

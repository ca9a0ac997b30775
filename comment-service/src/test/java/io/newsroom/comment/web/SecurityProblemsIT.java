package io.newsroom.comment.web;

import io.newsroom.comment.support.IntegrationTest;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import io.newsroom.infra.security.LocalIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Refused moderator requests get the same RFC 9457 problems as every other error, plus RFC 6750's header. */
class SecurityProblemsIT extends IntegrationTest {

    @Test
    void noTokenIsA401ProblemWithABearerChallenge() {
        HttpTestResponse response = get("/moderation/queues/HELD");

        assertProblem(response, 401, "https://newsroom.example/problems/unauthenticated", "Authentication required");
        // Spring Security 7 adds the RFC 9728 resource_metadata parameter to the challenge.
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(json(response).get("instance").asString()).isEqualTo("/moderation/queues/HELD");
    }

    @Test
    void aTokenFromAnUnknownKeyIsA401ProblemSayingTheTokenIsInvalid() {
        String foreign = LocalIssuer.shared().tokenFor("mod-x").roles("MODERATOR").signedByUnknownKey().build();
        HttpTestResponse response = withToken(foreign);

        assertProblem(response, 401, "https://newsroom.example/problems/unauthenticated", "Authentication required");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        assertThat(json(response).get("detail").asString()).isEqualTo("The bearer token is invalid or has expired.");
    }

    @Test
    void anEditorTokenIsA403Problem() {
        HttpTestResponse response = withToken(LocalIssuer.shared().token("ed-amos", "EDITOR"));

        assertProblem(response, 403, "https://newsroom.example/problems/forbidden", "Forbidden");
        assertThat(json(response).get("detail").asString()).contains("role");
    }

    @Test
    void actuatorPathsOnThePublicPortAreANotFoundProblem() {
        assertProblem(get("/actuator/env"), 404, "https://newsroom.example/problems/not-found", "Not Found");
    }

    private HttpTestResponse withToken(String token) {
        return http.get("/moderation/queues/HELD", "Authorization", HttpTestClient.bearer(token));
    }

    private static void assertProblem(HttpTestResponse response, int status, String type, String title) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.has("type")).as(response.body()).isTrue();
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("title").asString()).isEqualTo(title);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }
}

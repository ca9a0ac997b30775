package io.newsroom.devstack;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform, end to end, as a reader and an editor meet it: devstack starts real Kafka,
 * PostgreSQL and Elasticsearch and every service as its own process from the jars this build made;
 * everything below goes through the gateway with tokens from the local authorization server. The platform is
 * shared with the other platform tests ({@link RunningPlatform}); this story runs first.
 */
@ExtendWith(RunningPlatform.class)
@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static final String GATEWAY = "http://localhost:8080";
    private static final String READER_EMAIL = "reader-" + UUID.randomUUID() + "@example.org";

    private final JsonMapper json = PlatformClient.JSON;
    private final String marker = "zanzibar" + Long.toString(System.nanoTime(), 36);
    private String articleId;
    private String slug;

    @Test
    @Order(1)
    void gatewayIsHealthyAndDemoContentIsServed() throws Exception {
        // Actuator answers on the management port only; the public port serves no /actuator
        var health = get("http://localhost:" + PlatformPlan.GATEWAY_MANAGEMENT_PORT + "/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        var metrics = get(GATEWAY + "/actuator/prometheus", null);
        assertThat(metrics.status()).as("/actuator/prometheus on the public port").isEqualTo(404);
        assertThat(metrics.header("Content-Type")).satisfies(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(metrics.body()).doesNotContain("jvm_");
        for (var service : java.util.List.of("article-service", "comment-service", "search-service")) {
            var plan = PlatformPlan.local(new DevstackSettings(Path.of("/unused"), Path.of("/unused"), false, 19092, 15432, 19200)).service(service);
            assertThat(get(plan.managementUrl() + "/actuator/health/readiness", null).status()).as("%s readiness on its management port", service).isEqualTo(200);
            var direct = get(plan.baseUrl() + "/actuator/prometheus", null);
            assertThat(direct.status()).as("%s serves no /actuator on its main port", service).isNotEqualTo(200);
            assertThat(direct.body()).doesNotContain("jvm_");
        }

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode latest = json.readTree(get(GATEWAY + "/api/v1/articles?limit=5", null).body());
            assertThat(latest.toString()).contains("headline");
            assertThat(latest.findValues("slug")).hasSize(5);
        });
    }

    @Test
    @Order(2)
    void editorActionsNeedAToken() throws Exception {
        var anonymous = send(PlatformClient.request("POST", GATEWAY + "/api/v1/editor/articles").json("{}"), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).satisfies(type -> assertThat(type).contains("application/problem+json"));
    }

    @Test
    @Order(3)
    void aPublishedArticleBecomesSearchableThroughTheGateway() throws Exception {
        String editor = PlatformClient.token("EDITOR");
        String draft = """
                {"headline": "Lighthouse keepers of %1$s vote to stay on the island",
                 "standfirst": "The %1$s keepers chose the lamp over the mainland.",
                 "dateline": {"place": "Stone Town", "timeZone": "Africa/Dar_es_Salaam"},
                 "byline": [{"name": "Amina Said"}],
                 "body": "<p>The keepers of %1$s met on Monday.</p><script>alert(1)</script>",
                 "section": "world", "tags": ["Zanzibar", "Lighthouses"], "commentsEnabled": true}
                """.formatted(marker);
        var created = send(PlatformClient.request("POST", GATEWAY + "/api/v1/editor/articles").json(draft), editor);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode article = json.readTree(created.body());
        articleId = article.get("id").asString();
        assertThat(article.get("body").asString()).doesNotContain("<script");

        var published = send(PlatformClient.request("POST", GATEWAY + "/api/v1/editor/articles/" + articleId + "/publish")
                .header("If-Match", java.util.Objects.requireNonNull(created.header("ETag"), "ETag")), editor);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        slug = json.readTree(published.body()).get("slug").asString();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var search = get(GATEWAY + "/api/v1/search?q=" + marker, null);
            assertThat(search.status()).isEqualTo(200);
            assertThat(search.body()).contains(articleId);
        });
    }

    @Test
    @Order(4)
    void aReaderCommentsAndTheArticlePageShowsItWithoutTheEmail() throws Exception {
        // comment-service learns of the article from Kafka; the form is offered once it has
        var form = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(GATEWAY + "/api/v1/articles/" + articleId + "/comment-form", null), r -> r.status() == 200);
        JsonNode formFields = json.readTree(form.body());
        Thread.sleep(formFields.get("minFillMillis").asLong() + 100); // a person takes a moment to type

        String comment = """
                {"body": "Good to see the %s lamp stays lit.", "authorName": "Khamis",
                 "email": "%s", "formToken": "%s"}
                """.formatted(marker, READER_EMAIL, formFields.get("formToken").asString());
        var posted = send(PlatformClient.request("POST", GATEWAY + "/api/v1/articles/" + articleId + "/comments").json(comment), null);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.body()).doesNotContain(READER_EMAIL);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var page = get(GATEWAY + "/api/v1/pages/article/" + slug, null);
            assertThat(page.status()).isEqualTo(200);
            JsonNode body = json.readTree(page.body());
            assertThat(body.get("article").get("headline").asString()).contains(marker);
            assertThat(body.get("degraded").size()).isZero();
            assertThat(body.get("commentCount").asInt()).isEqualTo(1);
            assertThat(page.body()).contains("lamp stays lit").doesNotContain(READER_EMAIL);
        });
    }

    private static HttpTestResponse get(String url, String token) {
        return PlatformClient.get(url, token);
    }

    private static HttpTestResponse send(HttpTestClient.Request request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.send();
    }
}

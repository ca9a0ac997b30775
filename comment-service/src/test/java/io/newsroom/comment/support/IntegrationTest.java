package io.newsroom.comment.support;

import io.newsroom.comment.posting.FormTokens;
import io.newsroom.infra.security.LocalIssuer;
import io.newsroom.infra.spring.KafkaInfra;
import io.newsroom.infra.spring.PostgresInfra;
import io.newsroom.infra.spring.SecurityInfra;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on a random port, with real PostgreSQL, Kafka and a real JWT issuer. Every test
 * class shares one application context (same settings), so they must not rely on an empty database:
 * each test works on its own articles and its own commenter addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "newsroom.comments.moderation.banned-words=casino,cheap pills",
        "newsroom.comments.moderation.suspect-words=crypto",
        "newsroom.comments.moderation.max-links=2",
        "newsroom.comments.moderation.report-threshold=2",
        "newsroom.comments.posting.flood.per-email-per-minute=3",
        "newsroom.comments.posting.flood.per-address-per-minute=6",
        "newsroom.comments.posting.max-reply-depth=2",
        "newsroom.comments.posting.anti-bot.token-secret=test-secret",
        "newsroom.comments.posting.anti-bot.min-fill-time=2s",
        "spring.cloud.stream.bindings.articleEvents-in-0.consumer.back-off-initial-interval=100",
        "spring.cloud.stream.bindings.articleEvents-in-0.consumer.back-off-max-interval=200"})
@Import({PostgresInfra.class, KafkaInfra.class, SecurityInfra.class})
public abstract class IntegrationTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    protected FormTokens formTokens;

    protected RestClient http;
    @LocalManagementPort
    protected int managementPort;

    /** A reader address of its own for each test, so flood limits of one test do not hit another. */
    protected String readerAddress;

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
        readerAddress = nextAddress();
    }

    protected static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    /** Publishes an article through Kafka and waits until comment-service has taken it in. */
    protected UUID openArticle() {
        UUID articleId = UUID.randomUUID();
        ArticleFeed.send(ArticleFeed.published(articleId, 1, true));
        awaitArticleState(articleId, 200);
        return articleId;
    }

    protected void awaitArticleState(UUID articleId, int formStatus) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(get("/articles/" + articleId + "/comment-form").getStatusCode().value())
                        .isEqualTo(formStatus));
    }

    /** A form token as if the reader fetched the form ten seconds ago. */
    protected String token(UUID articleId) {
        return formTokens.issue(articleId, Instant.now().minusSeconds(10));
    }

    protected Map<String, Object> comment(UUID articleId, String body, String email) {
        var form = new LinkedHashMap<String, Object>();
        form.put("body", body);
        form.put("authorName", "Dana Reader");
        form.put("email", email);
        form.put("formToken", token(articleId));
        form.put("website", "");
        return form;
    }

    protected ResponseEntity<String> post(UUID articleId, Map<String, Object> form) {
        return post(articleId, form, readerAddress);
    }

    protected ResponseEntity<String> post(UUID articleId, Map<String, Object> form, String address) {
        return http.post().uri("/articles/{id}/comments", articleId)
                .header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON).body(form)
                .retrieve().toEntity(String.class);
    }

    /** Posts and returns the new comment's id, asserting it was accepted with this status. */
    protected UUID postOk(UUID articleId, String body, String email, String expectedStatus) {
        ResponseEntity<String> response = post(articleId, comment(articleId, body, email));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        JsonNode json = json(response);
        assertThat(json.get("status").asString()).isEqualTo(expectedStatus);
        return UUID.fromString(json.get("id").asString());
    }

    /** Actuator, on the management port (the public port serves none). */
    protected ResponseEntity<String> management(String path) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + managementPort)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build()
                .get().uri(path).retrieve().toEntity(String.class);
    }

    protected ResponseEntity<String> get(String path, Object... vars) {
        return http.get().uri(path, vars).retrieve().toEntity(String.class);
    }

    protected ResponseEntity<String> asModerator(String method, String path, Object body, Object... vars) {
        var spec = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path, vars)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + LocalIssuer.shared().token("mod-ines", "MODERATOR"));
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.retrieve().toEntity(String.class);
    }

    protected ResponseEntity<String> decide(UUID commentId, String action, String reason) {
        var body = new LinkedHashMap<String, Object>();
        body.put("action", action);
        body.put("reason", reason);
        return asModerator("POST", "/moderation/comments/{id}/decisions", body, commentId);
    }

    protected static JsonNode json(ResponseEntity<String> response) {
        return JSON.readTree(response.getBody());
    }

    protected static String uniqueEmail() {
        return "reader-" + UUID.randomUUID() + "@example.org";
    }
}

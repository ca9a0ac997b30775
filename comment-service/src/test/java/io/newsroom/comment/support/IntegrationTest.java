package io.newsroom.comment.support;

import io.newsroom.comment.posting.FormTokens;
import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import io.newsroom.infra.security.LocalIssuer;
import io.newsroom.infra.spring.KafkaInfra;
import io.newsroom.infra.spring.PostgresInfra;
import io.newsroom.infra.spring.SecurityInfra;
import io.newsroom.infra.spring.TracingInfra;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

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
        "newsroom.consumers.first-retry=100ms",
        "newsroom.consumers.max-retry-interval=200ms"})
@Import({PostgresInfra.class, KafkaInfra.class, SecurityInfra.class, TracingInfra.class})
public abstract class IntegrationTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    protected FormTokens formTokens;

    protected HttpTestClient http;
    @LocalManagementPort
    protected int managementPort;

    /** A reader address of its own for each test, so flood limits of one test do not hit another. */
    protected String readerAddress;

    @BeforeEach
    void client() {
        http = HttpTestClient.loopback(port);
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
                assertThat(get("/articles/" + articleId + "/comment-form").status())
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

    protected HttpTestResponse post(UUID articleId, Map<String, Object> form) {
        return post(articleId, form, readerAddress);
    }

    protected HttpTestResponse post(UUID articleId, Map<String, Object> form, String address) {
        return http.post("/articles/" + articleId + "/comments", form, "X-Forwarded-For", address);
    }

    /** A reader's report of a comment, from {@code address}. */
    protected HttpTestResponse report(UUID commentId, Object body, String address) {
        return http.post("/comments/" + commentId + "/reports", body, "X-Forwarded-For", address);
    }

    /** Posts and returns the new comment's id, asserting it was accepted with this status. */
    protected UUID postOk(UUID articleId, String body, String email, String expectedStatus) {
        HttpTestResponse response = post(articleId, comment(articleId, body, email));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode json = json(response);
        assertThat(json.get("status").asString()).isEqualTo(expectedStatus);
        return UUID.fromString(json.get("id").asString());
    }

    /** Actuator, on the management port (the public port serves none). */
    protected HttpTestResponse management(String path) {
        return HttpTestClient.loopback(managementPort).get(path);
    }

    /** GET {@code path}, its {@code {placeholders}} replaced by {@code vars} in order. */
    protected HttpTestResponse get(String path, Object... vars) {
        return http.get(expand(path, vars));
    }

    /** As moderator {@code mod-ines}; {@code body} as JSON unless null; placeholders as in {@link #get}. */
    protected HttpTestResponse asModerator(String method, String path, Object body, Object... vars) {
        return http.request(method, expand(path, vars)).bearer(LocalIssuer.shared().token("mod-ines", "MODERATOR"))
                .json(body).send();
    }

    private static String expand(String path, Object... vars) {
        String expanded = path;
        for (Object var : vars) {
            expanded = expanded.replaceFirst("\\{[^}]+}",
                    Matcher.quoteReplacement(URLEncoder.encode(String.valueOf(var), StandardCharsets.UTF_8)));
        }
        return expanded;
    }

    protected HttpTestResponse decide(UUID commentId, String action, String reason) {
        var body = new LinkedHashMap<String, Object>();
        body.put("action", action);
        body.put("reason", reason);
        return asModerator("POST", "/moderation/comments/{id}/decisions", body, commentId);
    }

    protected static JsonNode json(HttpTestResponse response) {
        return response.json();
    }

    protected static String uniqueEmail() {
        return "reader-" + UUID.randomUUID() + "@example.org";
    }
}

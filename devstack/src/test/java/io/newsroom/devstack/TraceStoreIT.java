package io.newsroom.devstack;

import static io.newsroom.devstack.PlatformClient.JSON;
import static io.newsroom.devstack.PlatformClient.get;
import static io.newsroom.devstack.PlatformClient.json;
import static io.newsroom.devstack.PlatformClient.request;
import static io.newsroom.devstack.PlatformClient.token;
import static io.newsroom.devstack.RunningPlatform.GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * "What happened to this article?" answered by devstack's trace store (a real Zipkin on 9411): an editor's publish is
 * ONE trace from the gateway's request span through article-service, the outbox relay and Kafka to search-service's
 * indexing span and comment-service's copy of the article; a reader's comment is one trace from the gateway through comment-service to search-service's
 * comment-count update; a page of the site is one trace from the gateway through web and its API calls (back through
 * the gateway) to the services. Spans are found in Zipkin by the article id search-service tags them with, then the whole trace
 * is read by its id and its parent links are followed back to the gateway.
 */
@ExtendWith(RunningPlatform.class)
@Order(1)
class TraceStoreIT {

    private static final String ZIPKIN = "http://localhost:" + TraceStore.DEFAULT_PORT;

    @Test
    void aPublishIsOneTraceFromTheGatewayToTheSearchIndex() {
        String marker = "tracedlamp" + Long.toString(System.nanoTime(), 36);
        String articleId = publish(marker);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(GATEWAY + "/api/v1/search?q=" + marker, null).body().contains(articleId));

        Trace trace = traceOf("search-service", "search-service index article", articleId);

        List<Span> path = startsAtTheGateway(trace, "search-service index article", "article-service", "/publish");
        assertThat(path).as("the outbox relay's publish span is on the way").anySatisfy(span -> {
            assertThat(span.service()).isEqualTo("article-service");
            assertThat(span.kind()).isEqualTo("PRODUCER");
        });
        assertThat(trace.spans()).extracting(Span::traceId).containsOnly(trace.id());

        // the other consumer of the event, comment-service's copy of the article, is in the same trace
        Trace copied = traceOf("comment-service", "comment-service apply article", articleId);
        assertThat(copied.id()).isEqualTo(trace.id());
        startsAtTheGateway(copied, "comment-service apply article", "article-service", "/publish");
    }

    @Test
    void aCommentIsOneTraceFromTheGatewayToTheCommentCount() throws Exception {
        String marker = "tracedcomment" + Long.toString(System.nanoTime(), 36);
        String articleId = publish(marker);
        var form = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(GATEWAY + "/api/v1/articles/" + articleId + "/comment-form", null), r -> r.status() == 200);
        JsonNode fields = json(form);
        Thread.sleep(fields.get("minFillMillis").asLong() + 100); // the form refuses answers faster than a person types
        String comment = """
                {"body": "The %s lamp is a fine thing.", "authorName": "Khamis",
                 "email": "reader-%s@example.org", "formToken": "%s"}
                """.formatted(marker, UUID.randomUUID(), fields.get("formToken").asString());
        var posted = request("POST", GATEWAY + "/api/v1/articles/" + articleId + "/comments").json(comment).send();
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);

        Trace trace = traceOf("search-service", "search-service count comments", articleId);

        startsAtTheGateway(trace, "search-service count comments", "comment-service", "/comments");
    }

    @Test
    void aSitePageIsOneTraceFromTheGatewayThroughTheSiteToTheServices() {
        String slug = json(get(GATEWAY + "/api/v1/articles?limit=1", null)).get("items").get(0).get("slug").asString();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        // a traced caller: the gateway continues its trace, so the page's spans are found by this id
        String callerSpan = traceId.substring(16);
        var page = request("GET", GATEWAY + "/articles/" + slug)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01").send();
        assertThat(page.status()).isEqualTo(200);

        Trace trace = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(
                () -> {
                    var stored = get(ZIPKIN + "/api/v2/trace/" + traceId, null);
                    return stored.status() == 200 ? Trace.of(JSON.readTree(stored.body())) : new Trace(traceId, List.of());
                },
                // each process exports its spans in its own batches: wait until every hop from article-service back
                // to the caller is stored (the gateway's batch came after web's and article-service's once, in CI)
                t -> t.spans().stream().filter(s -> s.service().equals("article-service") && s.kind().equals("SERVER"))
                        .findFirst().map(s -> reachesTheCaller(t, s, callerSpan)).orElse(false));

        Span articleService = trace.spans().stream().filter(s -> s.service().equals("article-service")
                && s.kind().equals("SERVER")).findFirst().orElseThrow();
        assertThat(trace.pathToRoot(articleService)).as("parent chain of %s in trace %s: %s", articleService, traceId, trace)
                .extracting(Span::service)
                .containsSubsequence("article-service", "gateway", "web", "gateway");
        assertThat(trace.pathToRoot(articleService).getLast().name() + " " + trace.pathToRoot(articleService).getLast().tags())
                .as("the reader's request at the root").contains("/articles/");
    }

    /** The span's parent chain ends at the caller's span (not stored: it is the test) or at a root. */
    private static boolean reachesTheCaller(Trace trace, Span span, String callerSpan) {
        String top = trace.pathToRoot(span).getLast().parentId();
        return top == null || top.equals(callerSpan);
    }

    /** The span's parent chain: search-service, then the producing service, then the gateway's request at the root. */
    private static List<Span> startsAtTheGateway(Trace trace, String spanName, String producer, String requestPath) {
        List<Span> path = trace.pathToRoot(trace.named(spanName).orElseThrow());
        assertThat(path).as("parent chain of %s in trace %s: %s", spanName, trace.id(), trace)
                .extracting(Span::service)
                .containsSubsequence(path.getFirst().service(), producer, "gateway");
        Span root = path.getLast();
        assertThat(root.service()).as("the trace starts at the gateway").isEqualTo("gateway");
        assertThat(root.kind()).isEqualTo("SERVER");
        assertThat(root.parentId()).isNull();
        assertThat(root.name() + " " + root.tags()).as("the request at the root").contains(requestPath);
        return path;
    }

    private static String publish(String marker) {
        String editor = token("EDITOR");
        String draft = """
                {"headline": "Keepers of the %1$s light stay on",
                 "standfirst": "The %1$s keepers chose the lamp.",
                 "dateline": {"place": "Stone Town", "timeZone": "Africa/Dar_es_Salaam"},
                 "byline": [{"name": "Amina Said"}],
                 "body": "<p>The keepers of %1$s met on Monday.</p>",
                 "section": "world", "tags": ["Lighthouses"], "commentsEnabled": true}
                """.formatted(marker);
        var created = request("POST", GATEWAY + "/api/v1/editor/articles")
                .header("Authorization", "Bearer " + editor)
                .json(draft).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String articleId = json(created).get("id").asString();
        var published = request("POST", GATEWAY + "/api/v1/editor/articles/" + articleId + "/publish")
                .header("Authorization", "Bearer " + editor)
                .header("If-Match", java.util.Objects.requireNonNull(created.header("ETag"), "ETag"))
                .send();
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return articleId;
    }

    /**
     * The one trace holding the span {@code spanName} that {@code service} tagged with the article id, once Zipkin has
     * every span of its parent chain (services flush their spans every few seconds, independently).
     */
    private static Trace traceOf(String service, String spanName, String articleId) {
        String query = ZIPKIN + "/api/v2/traces?serviceName=" + service + "&spanName=" + encode(spanName)
                + "&annotationQuery=" + encode("newsroom.article.id=" + articleId) + "&lookback=3600000&limit=10";
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode traces = JSON.readTree(get(query, null).body());
            if (traces.size() != 1) {
                return null; // not there yet (or, wrongly, several: the assertion below names them)
            }
            String traceId = traces.get(0).get(0).get("traceId").asString();
            Trace trace = Trace.of(JSON.readTree(get(ZIPKIN + "/api/v2/trace/" + traceId, null).body()));
            Span target = trace.named(spanName).orElseThrow();
            return trace.pathToRoot(target).getLast().parentId() == null ? trace : null;
        }, trace -> trace != null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Span(String traceId, String id, String parentId, String name, String kind, String service, Map<String, String> tags) {

        static Span of(JsonNode span) {
            Map<String, String> tags = new java.util.TreeMap<>();
            span.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asString()));
            return new Span(span.get("traceId").asString(), span.get("id").asString(),
                    span.hasNonNull("parentId") ? span.get("parentId").asString() : null, span.path("name").asString(),
                    span.path("kind").asString(""), span.path("localEndpoint").path("serviceName").asString(""), tags);
        }

        @Override
        public String toString() {
            return service + ":" + kind + ":" + name;
        }
    }

    record Trace(String id, List<Span> spans) {

        static Trace of(JsonNode spans) {
            List<Span> all = new ArrayList<>();
            spans.forEach(span -> all.add(Span.of(span)));
            return new Trace(all.isEmpty() ? "" : all.getFirst().traceId(), all);
        }

        Optional<Span> named(String name) {
            return spans.stream().filter(s -> s.name().equals(name)).findFirst();
        }

        /** The span, its parent, its parent's parent, ... as far as the store has them. */
        List<Span> pathToRoot(Span span) {
            Map<String, Span> byId = spans.stream().collect(Collectors.toMap(Span::id, Function.identity(), (a, b) -> a));
            List<Span> path = new ArrayList<>(List.of(span));
            for (Span at = span; at.parentId() != null && byId.containsKey(at.parentId()); ) {
                at = byId.get(at.parentId());
                path.add(at);
            }
            return path;
        }
    }
}

package io.newsroom.devstack;

import io.newsroom.devstack.Newsroom.Story;
import io.newsroom.events.CloudEventHeaders;
import io.newsroom.events.EventType;
import io.newsroom.events.Topics;
import io.newsroom.infra.TopicReader;
import io.newsroom.infra.http.HttpTestResponse;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static io.newsroom.devstack.Newsroom.get;
import static io.newsroom.devstack.Newsroom.getJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One part of the running platform fails, the rest must keep their promises (issue 15, fault drills). Each
 * drill puts the platform back as it found it, prints its figures ({@code drill ...:} lines) and asserts what
 * must hold: nothing acknowledged is lost, nothing is doubled, failures are clear answers. The drills run after
 * every other platform test, since they stop parts of the platform.
 */
@ExtendWith(RunningPlatform.class)
@Order(10)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillsIT {

    private static final String ELASTICSEARCH = "http://localhost:19200";
    private static final String KAFKA = "127.0.0.1:19092";
    /** Parallel requests of a burst: enough to queue work in every service, few enough for two shared cores. */
    private static final int PARALLEL = 4;

    @Test
    @Order(1)
    void aKafkaOutageOfThirtySecondsDuringAPublishBurstLosesAndDuplicatesNoArticle() throws Exception {
        int articles = 1000;
        String family = Newsroom.marker("burst");
        List<Story> drafts = parallel(articles, i -> draft(Newsroom.marker("b"), family));

        var devstack = RunningPlatform.devstack();
        long stopped = System.nanoTime();
        devstack.stopKafka();
        System.out.printf("drill kafka: broker stopped in %d ms%n", millisSince(stopped));
        long burst = System.nanoTime();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        CompletableFuture<List<Story>> publishing = CompletableFuture.supplyAsync(() -> parallel(articles, i -> {
            var story = Newsroom.publish(drafts.get(i));
            statuses.merge(200, 1, Integer::sum);
            return story;
        }));
        // the outage itself: Kafka stays away 30 s whatever the burst does meanwhile
        try {
            Thread.sleep(Math.max(0, Duration.ofSeconds(30).toMillis() - millisSince(stopped)));
        } finally {
            devstack.startKafka();
        }
        long back = System.nanoTime();
        List<Story> published = publishing.get();
        long burstMillis = (back - burst) / 1_000_000 + millisSince(back);
        System.out.printf("drill kafka: down %d ms; %d publishes in %d ms, %d answered 200; Kafka back%n",
                (back - stopped) / 1_000_000, articles, millisSince(burst), statuses.getOrDefault(200, 0));
        assertThat(published).hasSize(articles);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> indexed(family).size() >= articles);
        long catchUp = millisSince(back);
        Map<String, Long> indexed = indexed(family);
        long documents = indexedDocuments(family);
        long searchable = getJson("/search?q=" + family).path("total").asLong();
        Set<String> expected = new java.util.HashSet<>(published.stream().map(Story::id).toList());
        long lost = expected.stream().filter(id -> !indexed.containsKey(id)).count();
        System.out.printf("drill kafka: all searchable %d ms after Kafka returned (burst %d ms); %d documents, "
                + "%d distinct ids, search total %d, lost %d, duplicates %d%n",
                catchUp, burstMillis, documents, indexed.size(), searchable, lost, documents - indexed.size());
        assertThat(indexed.keySet()).isEqualTo(expected);
        assertThat(documents).as("documents for %d articles", articles).isEqualTo(articles);
        assertThat(searchable).isEqualTo(articles);
    }

    @Test
    @Order(2)
    void aSearchServiceKilledMidBatchComesBackWithAnIndexEqualToTheSource() throws Exception {
        int articles = 300;
        String family = Newsroom.marker("crash");
        List<Story> drafts = parallel(articles, i -> draft(Newsroom.marker("c"), family));
        var devstack = RunningPlatform.devstack();

        CompletableFuture<List<Story>> publishing = CompletableFuture.supplyAsync(() -> parallel(articles, i -> Newsroom.publish(drafts.get(i))));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> indexed(family).size() >= 20);
        devstack.kill("search-service");
        int atKill = indexed(family).size();
        List<Story> source;
        long restart;
        try {
            List<Story> published = publishing.get();
            // changes while it is dead: every third article corrected (its version moves on)
            source = parallel(articles, i -> i % 3 == 0 ? Newsroom.correct(published.get(i), "A correction while search was down.") : published.get(i));
        } finally {
            restart = System.nanoTime();
            devstack.restart("search-service");
        }
        long ready = millisSince(restart);

        Map<String, Long> expected = new HashMap<>();
        source.forEach(s -> expected.put(s.id(), version(s)));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> indexed(family).equals(expected));
        long caughtUp = millisSince(restart);
        System.out.printf("drill search-kill: SIGKILL with %d of %d indexed; restarted and ready in %d ms; index equals "
                + "source (%d ids, %d corrected versions) %d ms after the restart began; %d documents%n",
                atKill, articles, ready, expected.size(), articles / 3 + 1, caughtUp, indexedDocuments(family));
        assertThat(indexedDocuments(family)).isEqualTo(articles);
    }

    @Test
    @Order(3)
    void aPoisonEventGoesToTheDeadLetterTopicWithItsErrorAndLaterEventsAreIndexed() {
        String poisonKey = UUID.randomUUID().toString();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", KAFKA, "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName()))) {
            var record = new ProducerRecord<String, String>(Topics.ARTICLE, poisonKey, "{\"articleId\": \"" + poisonKey + "\", \"headline\": ");
            record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                    .add(CloudEventHeaders.SOURCE, "/newsroom/article-service".getBytes(StandardCharsets.UTF_8))
                    .add(CloudEventHeaders.TYPE, EventType.ARTICLE_PUBLISHED.ceType().getBytes(StandardCharsets.UTF_8))
                    .add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0.getBytes(StandardCharsets.UTF_8))
                    .add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8))
                    .add(CloudEventHeaders.SUBJECT, poisonKey.getBytes(StandardCharsets.UTF_8))
                    .add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send the poison event", e);
        }
        long sent = System.nanoTime();
        // the next event on every partition: an article after the poison one is still indexed
        String family = Newsroom.marker("after");
        List<Story> after = parallel(6, i -> Newsroom.publish(Newsroom.draft(Newsroom.copy(Newsroom.marker("p"), family))));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> indexed(family).keySet().equals(Set.copyOf(after.stream().map(Story::id).toList())));
        long indexedAfter = millisSince(sent);

        Map<String, String> reasons = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> deadLetters(poisonKey), letters -> letters.containsKey("search-service"));
        System.out.printf("drill poison: %d later articles indexed %d ms after the poison event; dead letters: %s%n",
                after.size(), indexedAfter, reasons);
        assertThat(reasons.get("search-service")).isNotBlank();
        assertThat(getJson("/search?q=" + family).path("total").asLong()).isEqualTo(after.size());
    }

    @Test
    @Order(4)
    void aCommentServiceOutageDegradesThePageFailsPostsClearlyAndLosesNoAcceptedComment() throws Exception {
        Story story = Newsroom.publish(Newsroom.draft(Newsroom.copy(Newsroom.marker("down"), Newsroom.marker("kin"))));
        String token = Newsroom.formToken(story.id());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/pages/article/" + story.slug()).status() == 200);
        var devstack = RunningPlatform.devstack();

        // readers keep posting while the service shuts down: each post is accepted (and must survive) or fails clearly
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean posting = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        for (int r = 0; r < 2; r++) {
            readers.submit(() -> {
                for (int n = 0; posting.get(); n++) {
                    HttpTestResponse response;
                    try {
                        response = Newsroom.comment(story.id(), token, "Posted during the outage, number " + n + " " + UUID.randomUUID(), null);
                    } catch (RuntimeException e) {
                        outcomes.merge("connection error", 1, Integer::sum);
                        continue;
                    }
                    outcomes.merge(String.valueOf(response.status()), 1, Integer::sum);
                    if (response.status() == 201) {
                        accepted.add(PlatformClient.json(response).get("id").asString());
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() >= 3);
        long stopping = System.nanoTime();
        devstack.stop("comment-service");
        try {
            whileCommentServiceIsDown(story, token, posting, readers, outcomes, millisSince(stopping));
        } finally {
            posting.set(false);
            long restart = System.nanoTime();
            devstack.restart("comment-service");
            System.out.printf("drill comment-down: restarted and ready in %d ms%n", millisSince(restart));
        }
        // ready at the service is not yet reachable through the gateway: its breaker lets calls through again after
        // its open period, so the page (and then each comment) is looked for once the route has recovered
        long recovery = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(getJson("/pages/article/" + story.slug()).path("degraded")).isEmpty());
        System.out.printf("drill comment-down: page whole again %d ms after the restart%n", millisSince(recovery));
        List<String> missing = accepted.stream().filter(id -> get("/comments/" + id).status() != 200).toList();
        System.out.printf("drill comment-down: %d accepted comments, %d missing after the restart %s%n",
                accepted.size(), missing.size(), missing.isEmpty() ? "" : outcomesOf(missing));
        assertThat(missing).isEmpty();
    }

    private static Map<String, Integer> outcomesOf(List<String> ids) {
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        ids.forEach(id -> statuses.merge(String.valueOf(get("/comments/" + id).status()), 1, Integer::sum));
        return statuses;
    }

    private static void whileCommentServiceIsDown(Story story, String token, AtomicBoolean posting, ExecutorService readers,
                                                  Map<String, Integer> outcomes, long stopMillis) throws InterruptedException {
        await().atMost(Duration.ofSeconds(30)).until(() -> outcomes.getOrDefault("503", 0) >= 5);
        posting.set(false);
        readers.shutdown();
        assertThat(readers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        long pageStart = System.nanoTime();
        var page = get("/pages/article/" + story.slug());
        long pageMillis = millisSince(pageStart);
        long postStart = System.nanoTime();
        var post = Newsroom.comment(story.id(), token, "Posted while comments are down.", null);
        long postMillis = millisSince(postStart);
        System.out.printf("drill comment-down: graceful stop took %d ms; page answered %d in %d ms, degraded %s; "
                + "a post answered %d in %d ms (%s); posts during the shutdown: %s%n",
                stopMillis, page.status(), pageMillis, PlatformClient.json(page).path("degraded"),
                post.status(), postMillis, java.util.Objects.requireNonNullElse(post.header("Content-Type"), ""), outcomes);
        assertThat(page.status()).isEqualTo(200);
        JsonNode body = PlatformClient.json(page);
        assertThat(body.path("article").path("id").asString()).isEqualTo(story.id());
        assertThat(body.path("degraded").toString()).contains("comments");
        assertThat(post.status()).as(post.body()).isEqualTo(503);
        assertThat(post.header("Content-Type")).satisfies(t -> assertThat(t).startsWith("application/problem+json"));
        // a post in flight while the service drains may outlast the gateway's timeout: 504, a clear failure too
        assertThat(outcomes.keySet()).as("every post was accepted or failed clearly").isSubsetOf("201", "503", "504");
    }

    @Test
    @Order(5)
    void anAuthServerRestartWithANewKeyAcceptsNewTokensAtOnceEverywhereWithoutA5xx() throws Exception {
        Story story = Newsroom.publish(Newsroom.draft(Newsroom.copy(Newsroom.marker("auth"), Newsroom.marker("kin"))));
        String oldEditor = PlatformClient.token("EDITOR");
        // while it restarts, readers and an editor with the old token keep calling: 2xx or 401, never a 5xx
        Map<String, Integer> during = new ConcurrentHashMap<>();
        AtomicBoolean calling = new AtomicBoolean(true);
        var caller = CompletableFuture.runAsync(() -> {
            while (calling.get()) {
                during.merge("reader " + get("/articles/" + story.slug()).status(), 1, Integer::sum);
                during.merge("editor " + PlatformClient.get(Newsroom.API + "/editor/articles/" + story.id(), oldEditor).status(), 1, Integer::sum);
            }
        });
        long restart = System.nanoTime();
        try {
            RunningPlatform.devstack().restart("auth-server");
        } finally {
            PlatformClient.forgetTokens();
        }
        long ready = millisSince(restart);

        long issued = System.nanoTime();
        String editor = PlatformClient.token("EDITOR");
        String moderator = PlatformClient.token("MODERATOR");
        var article = PlatformClient.get(Newsroom.API + "/editor/articles/" + story.id(), editor);
        var queue = PlatformClient.get(Newsroom.API + "/moderation/queues/HELD?limit=1", moderator);
        var old = PlatformClient.get(Newsroom.API + "/editor/articles/" + story.id(), oldEditor);
        long firstUse = millisSince(issued);
        calling.set(false);
        caller.get();
        System.out.printf("drill auth-restart: ready in %d ms; new tokens: article-service %d, comment-service %d "
                + "(%d ms from token request to both answers); the old token now %d (its key may still be cached); calls during the restart by status: %s%n",
                ready, article.status(), queue.status(), firstUse, old.status(), during);
        assertThat(article.status()).as(article.body()).isEqualTo(200);
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        assertThat(during.keySet()).as("statuses while the auth-server restarted")
                .allSatisfy(call -> assertThat(Integer.parseInt(call.substring(call.indexOf(' ') + 1))).isLessThan(500));
    }

    @Test
    @Order(6)
    void anElasticsearchOutageLeavesArticlesAndCommentsUpAnswersSearch503AtOnceAndTheIndexCatchesUpByItself() throws Exception {
        String kin = Newsroom.marker("kin");
        Story before = Newsroom.publish(Newsroom.draft(Newsroom.copy(Newsroom.marker("esb"), kin)));
        String token = Newsroom.formToken(before.id());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> getJson("/search?q=" + before.marker()).path("total").asLong() == 1);
        String family = Newsroom.marker("esout");
        int articles = 60;
        List<Story> drafts = parallel(articles, i -> draft(Newsroom.marker("e"), family));
        var devstack = RunningPlatform.devstack();

        long stopping = System.nanoTime();
        devstack.stopElasticsearch();
        long down = System.nanoTime();
        List<Story> published;
        Map<String, List<Long>> searchAnswers = new java.util.TreeMap<>();
        Map<String, Integer> otherStatuses = new java.util.TreeMap<>();
        try {
            System.out.printf("drill elasticsearch: node stopped in %d ms%n", millisSince(stopping));
            // writers and readers of everything that does not live in Elasticsearch carry on as usual
            published = parallel(articles, i -> Newsroom.publish(drafts.get(i)));
            otherStatuses.put("article read", get("/articles/" + before.slug()).status());
            otherStatuses.put("latest news", get("/articles?limit=5").status());
            otherStatuses.put("comment post", Newsroom.comment(before.id(), token, "Posted while search is down.", null).status());
            otherStatuses.put("comments read", get("/articles/" + before.id() + "/comments").status());
            var page = get("/pages/article/" + before.slug());
            otherStatuses.put("article page", page.status());
            System.out.printf("drill elasticsearch: article page degraded %s%n", PlatformClient.json(page).path("degraded"));
            // search, suggest and related need the index: a clear 503 each time, as soon as the node refuses
            for (int round = 0; round < 5; round++) {
                for (String path : List.of("/search?q=" + family, "/suggest?prefix=" + family.substring(0, 4),
                        "/articles/" + before.id() + "/related")) {
                    long asked = System.nanoTime();
                    var answer = get(path);
                    long took = millisSince(asked);
                    String what = path.substring(1, path.indexOf('?') > 0 ? path.indexOf('?') : path.length()).replaceAll("articles/[^/]+/", "");
                    searchAnswers.computeIfAbsent(what + " " + answer.status(), k -> new ArrayList<>()).add(took);
                    assertThat(answer.status()).as("%s while Elasticsearch is down: %s", path, answer.body()).isEqualTo(503);
                    assertThat(answer.header("Content-Type")).satisfies(t -> assertThat(t).startsWith("application/problem+json"));
                }
            }
            Thread.sleep(Math.max(0, Duration.ofSeconds(30).toMillis() - millisSince(down)));
        } finally {
            long starting = System.nanoTime();
            devstack.startElasticsearch();
            System.out.printf("drill elasticsearch: down %d ms; node back (cluster yellow) in %d ms%n",
                    (starting - down) / 1_000_000, millisSince(starting));
        }
        long back = System.nanoTime();
        System.out.printf("drill elasticsearch: while down: %d publishes answered 200; %s; search answers (status: ms each) %s%n",
                published.size(), otherStatuses, searchAnswers);
        // a 503 that was slow would not be a 503: past the gateway's 3 s route timeout it answers 504
        assertThat(otherStatuses).allSatisfy((what, status) -> assertThat(status).as(what).isBetween(200, 299));

        Set<String> expected = new java.util.HashSet<>(published.stream().map(Story::id).toList());
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> getJson("/search?q=" + family).path("total").asLong() >= articles);
        long catchUp = millisSince(back);
        Map<String, Long> indexed = indexed(family);
        long documents = indexedDocuments(family);
        long lost = expected.stream().filter(id -> !indexed.containsKey(id)).count();
        System.out.printf("drill elasticsearch: %d articles published during the outage all searchable through the gateway %d ms "
                + "after the node was back; %d documents, lost %d, duplicates %d%n",
                articles, catchUp, documents, lost, documents - indexed.size());
        assertThat(indexed.keySet()).isEqualTo(expected);
        assertThat(documents).isEqualTo(articles);
        assertThat(get("/articles/" + before.id() + "/related").status()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void aPostgresRestartDuringEditsAnswersEveryEditWithSuccessOrA503AndKeepsEveryAcknowledgedOne() throws Exception {
        int editors = 4;
        String family = Newsroom.marker("pgr");
        List<Story> stories = parallel(editors, i -> Newsroom.publish(draft(Newsroom.marker("g"), family)));
        Map<String, List<Long>> acknowledged = new ConcurrentHashMap<>(); // article id -> versions answered 200
        Map<String, Integer> lastEdit = new ConcurrentHashMap<>();       // article id -> the last edit number answered 200
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        Map<String, Integer> reads = new ConcurrentHashMap<>();          // the desks' reads of the current version
        Map<String, Long> slowest = new ConcurrentHashMap<>();
        AtomicBoolean editing = new AtomicBoolean(true);
        var devstack = RunningPlatform.devstack();

        ExecutorService desks = Executors.newFixedThreadPool(editors);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (Story story : stories) {
            running.add(desks.submit(() -> editUntilStopped(story, editing, acknowledged, lastEdit, outcomes, reads, slowest)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> outcomes.getOrDefault("200", 0) >= 2 * editors);
        long stopping = System.nanoTime();
        devstack.stopPostgres();
        long down = System.nanoTime();
        int before = outcomes.getOrDefault("200", 0);
        try {
            System.out.printf("drill postgres: server stopped in %d ms with %d edits acknowledged%n", millisSince(stopping), before);
            Thread.sleep(10_000);
        } finally {
            long starting = System.nanoTime();
            devstack.startPostgres();
            System.out.printf("drill postgres: down %d ms; server back in %d ms%n", (starting - down) / 1_000_000, millisSince(starting));
        }
        long back = System.nanoTime();
        int atReturn = outcomes.getOrDefault("200", 0);
        // the editors carry on until every one of them has had an edit accepted again
        Map<String, Integer> lastBeforeReturn = Map.copyOf(lastEdit);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> stories.stream()
                .allMatch(s -> lastEdit.getOrDefault(s.id(), 0) > lastBeforeReturn.getOrDefault(s.id(), 0)));
        long editsAgain = millisSince(back);
        editing.set(false);
        for (var desk : running) {
            desk.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        desks.shutdown();

        // every acknowledged version is in the article's history, and the copy is the last acknowledged edit or later
        List<String> missing = new ArrayList<>();
        Map<String, Long> stored = new HashMap<>();
        for (Story story : stories) {
            var history = PlatformClient.get(Newsroom.API + "/editor/articles/" + story.id() + "/revisions", PlatformClient.token("EDITOR"));
            assertThat(history.status()).as(history.body()).isEqualTo(200);
            Set<Long> versions = new java.util.HashSet<>();
            PlatformClient.json(history).path("items").forEach(r -> versions.add(r.path("version").asLong()));
            acknowledged.getOrDefault(story.id(), List.of()).stream().filter(v -> !versions.contains(v))
                    .forEach(v -> missing.add(story.id() + " v" + v));
            JsonNode now = Newsroom.editorView(story.id());
            int edit = editNumber(now.path("standfirst").asString());
            if (edit < lastEdit.getOrDefault(story.id(), 0)) {
                missing.add(story.id() + " edit " + lastEdit.get(story.id()) + " (stored: edit " + edit + ")");
            }
            stored.put(story.id(), now.path("version").asLong(versions.stream().mapToLong(Long::longValue).max().orElse(0)));
        }
        long acked = acknowledged.values().stream().mapToLong(List::size).sum();
        // the recovery time includes the gateway's article breaker: slow calls while the pool waited for connections
        // open it, and it answers 503 itself until its open period has passed
        System.out.printf("drill postgres: %d edit requests: %s; reads of the current version: %s; acknowledged %d "
                + "(%d while it was down); every editor's edits accepted again %d ms after the server was back; "
                + "slowest edit answer by status %s ms; acknowledged but missing %d %s%n",
                outcomes.values().stream().mapToInt(Integer::intValue).sum(), new java.util.TreeMap<>(outcomes),
                new java.util.TreeMap<>(reads), acked, atReturn - before, editsAgain, new java.util.TreeMap<>(slowest),
                missing.size(), missing);
        assertThat(outcomes.keySet()).as("each edit succeeded or failed with a clear 503 (after a failure the desk reads the "
                + "current version, so a 412 would mean an edit stored behind the editor's back)").isSubsetOf("200", "503");
        assertThat(reads.keySet()).as("reads answered or failed with a clear 503").isSubsetOf("200", "503");
        assertThat(outcomes.getOrDefault("503", 0) + reads.getOrDefault("503", 0)).as("calls failed while the database was down").isPositive();
        assertThat(missing).isEmpty();
        // and the outbox delivered what the database kept: the index ends at each article's stored version
        long relay = System.nanoTime();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> indexed(family).equals(stored));
        System.out.printf("drill postgres: index at every stored version %d ms after the edits stopped%n", millisSince(relay));
    }

    /** One editor's desk: edits its article again and again; after a failed edit it reads the current version first. */
    private static void editUntilStopped(Story story, AtomicBoolean editing, Map<String, List<Long>> acknowledged,
                                         Map<String, Integer> lastEdit, Map<String, Integer> outcomes,
                                         Map<String, Integer> reads, Map<String, Long> slowest) {
        String etag = story.etag();
        for (int n = 1; editing.get(); n++) {
            if (etag == null) {
                HttpTestResponse current;
                try {
                    current = PlatformClient.get(Newsroom.API + "/editor/articles/" + story.id(), PlatformClient.token("EDITOR"));
                } catch (RuntimeException e) {
                    reads.merge("no answer (" + e.getClass().getSimpleName() + ")", 1, Integer::sum);
                    sleepQuietly(200);
                    continue;
                }
                reads.merge(String.valueOf(current.status()), 1, Integer::sum);
                if (current.status() != 200) {
                    sleepQuietly(200);
                    continue;
                }
                etag = java.util.Objects.requireNonNull(current.header("ETag"), "ETag");
            }
            var copy = story.copy().deepCopy().put("standfirst", "Edit " + n + " of the story.");
            long sent = System.nanoTime();
            String status;
            HttpTestResponse response = null;
            try {
                response = PlatformClient.request("PUT", Newsroom.API + "/editor/articles/" + story.id())
                        .header("Authorization", "Bearer " + PlatformClient.token("EDITOR"))
                        .header("If-Match", etag)
                        .json(copy.toString()).send();
                status = String.valueOf(response.status());
                if (response.status() >= 400 && !java.util.Objects.requireNonNullElse(response.header("Content-Type"), "").startsWith("application/problem+json")) {
                    status += " without a problem";
                }
            } catch (RuntimeException e) {
                status = "no answer (" + e.getClass().getSimpleName() + ")";
            }
            long took = millisSince(sent);
            outcomes.merge(status, 1, Integer::sum);
            slowest.merge(status, took, Math::max);
            if (response != null && response.status() == 200) {
                etag = java.util.Objects.requireNonNull(response.header("ETag"), "ETag");
                acknowledged.computeIfAbsent(story.id(), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                        .add(Long.parseLong(etag.replace("W/", "").replace("\"", "")));
                lastEdit.put(story.id(), n);
            } else {
                etag = null;
                sleepQuietly(100);
            }
        }
    }

    private static int editNumber(String standfirst) {
        var matcher = java.util.regex.Pattern.compile("Edit (\\d+) ").matcher(standfirst);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The drill's articles in the live index (Elasticsearch, read directly): article id → indexed version. */
    private static Map<String, Long> indexed(String family) {
        JsonNode hits = elasticsearch(family, 2000).path("hits").path("hits");
        Map<String, Long> versions = new HashMap<>();
        for (JsonNode hit : hits) {
            JsonNode source = hit.path("_source");
            if (source.path("status").asString("published").equalsIgnoreCase("published")) {
                versions.put(source.path("articleId").asString(), source.path("version").asLong());
            }
        }
        return versions;
    }

    /** Documents (not distinct articles) that carry the word: more than articles would be duplicates. */
    private static long indexedDocuments(String family) {
        return elasticsearch(family, 0).path("hits").path("total").path("value").asLong();
    }

    private static JsonNode elasticsearch(String family, int size) {
        var response = PlatformClient.get(ELASTICSEARCH + "/articles/_search?track_total_hits=true&size=" + size
                + "&_source=articleId,version,status&q=tags:" + family, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return PlatformClient.json(response);
    }

    /** Dead letters on news.article.dlt for one key: consumer group (from the headers) → the reason given. */
    private static Map<String, String> deadLetters(String key) {
        Map<String, String> reasons = new HashMap<>();
        // every dead letter for the key that arrives within 5 s, read by a consumer group of its own from the beginning
        try (var reader = new TopicReader(KAFKA, Topics.ARTICLE_DLT)) {
            for (var record : reader.await(r -> key.equals(r.key()), Integer.MAX_VALUE, Duration.ofSeconds(5))) {
                Map<String, String> headers = new HashMap<>();
                for (Header h : record.headers()) {
                    headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                }
                String group = headers.getOrDefault("kafka_dlt-original-consumer-group", "unknown");
                reasons.put(group, headers.getOrDefault("newsroom_dlt-reason", headers.getOrDefault("kafka_dlt-exception-message", "")));
            }
        }
        return reasons;
    }

    /**
     * A draft for a drill. Drafts are not what a drill tests: one whose request timed out on a busy machine is
     * made again (an orphan draft is never published, so it changes nothing the drill counts).
     */
    private static Story draft(String marker, String family) {
        var copy = Newsroom.copy(marker, family);
        return await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> Newsroom.draft(copy), java.util.Objects::nonNull);
    }

    private static long version(Story story) {
        return Long.parseLong(story.etag().replace("W/", "").replace("\"", ""));
    }

    /** Runs n calls with {@link #PARALLEL} at a time; the results in call order. */
    private static <T> List<T> parallel(int n, IntFunction<T> call) {
        try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
            List<CompletableFuture<T>> futures = IntStream.range(0, n)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> call.apply(i), pool)).toList();
            return futures.stream().map(CompletableFuture::join).toList();
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}

package io.newsroom.devstack;

import io.newsroom.devstack.Newsroom.Story;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import static io.newsroom.devstack.Newsroom.get;
import static io.newsroom.devstack.Newsroom.getJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The promises that cross services (issue 15, journeys 1–7), on the running multi-process platform, through the
 * gateway only: what an editor publishes shows up everywhere, what a reader writes shows where it should and
 * nowhere else, a withdrawn or renamed article is withdrawn or redirected everywhere, and the API reference
 * covers every service.
 */
@ExtendWith(RunningPlatform.class)
@Order(4)
class PlatformJourneysIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(250);

    @Test
    void aScheduledArticlePublishesItselfOnTimeAndAppearsInLatestSearchSuggestAndRelated() {
        String family = Newsroom.marker("clan");
        Story sibling = Newsroom.publish(Newsroom.draft(Newsroom.copy(Newsroom.marker("sib"), family)));
        String marker = Newsroom.marker("sched");
        Instant due = Instant.now().plusSeconds(4);
        Story story = Newsroom.schedule(Newsroom.draft(Newsroom.copy(marker, family)), due);

        JsonNode published = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Newsroom.editorView(story.id()), a -> a.path("status").asString().equals("PUBLISHED"));
        Duration late = Duration.between(due, Instant.now());
        Duration lateByRecord = Duration.between(due, Instant.parse(published.path("publishedAt").asString()));
        System.out.printf("journey 1: due %s, published at %s (%d ms after its time), seen published %d ms after%n",
                due, published.path("publishedAt").asString(), lateByRecord.toMillis(), late.toMillis());
        assertThat(late).as("published within 5 s of its time").isLessThanOrEqualTo(Duration.ofSeconds(5));

        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() ->
                assertThat(ids(getJson("/articles?limit=20"))).as("Latest News").contains(story.id()));
        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() -> {
            JsonNode hits = getJson("/search?q=" + marker);
            assertThat(ids(hits)).containsExactly(story.id());
            assertThat(hits.path("items").get(0).path("highlights").toString()).contains("<mark>" + marker + "</mark>");
        });
        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() ->
                assertThat(getJson("/suggest?prefix=" + marker.substring(0, marker.length() - 1)).toString()).contains(story.id()));
        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() ->
                assertThat(ids(getJson("/articles/" + sibling.id() + "/related"))).as("More Articles Like This").contains(story.id()));
    }

    @Test
    void aCommentAndItsReplyShowAtOnceAndTheCountRisesEverywhere() {
        Story story = Newsroom.publish(Newsroom.draft(Newsroom.copy(Newsroom.marker("talk"), Newsroom.marker("kin"))));
        String token = Newsroom.formToken(story.id());

        var posted = Newsroom.comment(story.id(), token, "The harbour looks busier already.", null);
        String comment = Newsroom.posted(posted);
        assertThat(PlatformClient.json(posted).path("status").asString()).isEqualTo("VISIBLE");
        String reply = Newsroom.posted(Newsroom.comment(story.id(), token, "It does, the ferries are back.", comment));

        // under post-moderation both are in the thread on the next read, no waiting
        JsonNode thread = getJson("/articles/" + story.id() + "/comments");
        assertThat(thread.toString()).contains(comment, reply);
        assertThat(getJson("/comment-counts?articleIds=" + story.id()).findValue(story.id()).asLong()).isEqualTo(2);

        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() -> {
            JsonNode hit = getJson("/search?q=" + story.marker()).path("items").get(0);
            assertThat(hit.path("id").asString()).isEqualTo(story.id());
            assertThat(hit.path("commentCount").asLong()).as("search hit's comment count").isEqualTo(2);
        });
        JsonNode page = getJson("/pages/article/" + story.slug());
        assertThat(page.path("commentCount").asLong()).as("composite page's comment count").isEqualTo(2);
        assertThat(page.path("comments").toString()).contains(comment, reply);
    }

    @Test
    void aHeldCommentShowsOnlyOnceApprovedARejectedOneNeverAndAReportReachesTheReportedQueue() {
        Story story = Newsroom.publish(Newsroom.draft(Newsroom.copy(Newsroom.marker("held"), Newsroom.marker("kin"))));
        String token = Newsroom.formToken(story.id());
        Newsroom.holdComments(story.id());

        var first = Newsroom.comment(story.id(), token, "Please approve me, moderator.", null);
        var second = Newsroom.comment(story.id(), token, "This one should never be seen.", null);
        String approved = Newsroom.posted(first);
        String rejected = Newsroom.posted(second);
        assertThat(List.of(first, second)).allSatisfy(r -> assertThat(PlatformClient.json(r).path("status").asString()).isEqualTo("HELD"));
        assertThat(getJson("/articles/" + story.id() + "/comments").toString()).doesNotContain(approved, rejected);
        assertThat(get("/comments/" + approved).status()).isEqualTo(404);
        String held = Newsroom.moderator(PlatformClient.request("GET",
                Newsroom.API + "/moderation/queues/HELD?articleId=" + story.id())).body();
        assertThat(held).contains(approved, rejected);

        Newsroom.decide(approved, "APPROVE");
        Newsroom.decide(rejected, "REJECT");
        String visible = getJson("/articles/" + story.id() + "/comments").toString();
        assertThat(visible).contains(approved).doesNotContain(rejected);
        assertThat(get("/comments/" + rejected).status()).isEqualTo(404);
        assertThat(getJson("/comment-counts?articleIds=" + story.id()).findValue(story.id()).asLong()).isEqualTo(1);

        var report = PlatformClient.request("POST", Newsroom.API + "/comments/" + approved + "/reports")
                .json("{\"reason\": \"Off topic.\"}").send();
        assertThat(report.status()).as(report.body()).isEqualTo(202);
        String reported = Newsroom.moderator(PlatformClient.request("GET",
                Newsroom.API + "/moderation/queues/REPORTED?articleId=" + story.id())).body();
        assertThat(reported).contains(approved).doesNotContain(rejected);
    }

    @Test
    void aCorrectionShowsAndAnUnpublishedArticleLeavesEveryListAndAnswers410() {
        String family = Newsroom.marker("clan");
        Story sibling = Newsroom.publish(Newsroom.draft(Newsroom.copy(Newsroom.marker("sib"), family)));
        String marker = Newsroom.marker("gone");
        Story first = Newsroom.publish(Newsroom.draft(Newsroom.copy(marker, family)));
        String prefix = marker.substring(0, marker.length() - 1);
        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() -> {
            assertThat(ids(getJson("/search?q=" + marker))).containsExactly(first.id());
            assertThat(getJson("/suggest?prefix=" + prefix).toString()).contains(first.id());
            assertThat(ids(getJson("/articles/" + sibling.id() + "/related"))).contains(first.id());
        });

        Story story = Newsroom.correct(first, "An earlier version named the wrong harbour.");
        assertThat(getJson("/articles/" + story.slug()).path("corrections").toString()).contains("named the wrong harbour");

        Story withdrawn = Newsroom.unpublish(story, "Legal advice.");
        assertThat(get("/articles/" + withdrawn.slug()).status()).isEqualTo(410);
        assertThat(get("/pages/article/" + withdrawn.slug()).status()).isEqualTo(410);
        assertThat(ids(getJson("/articles?limit=50"))).as("Latest News").doesNotContain(withdrawn.id());
        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() -> {
            assertThat(ids(getJson("/search?q=" + marker))).as("search").isEmpty();
            assertThat(getJson("/suggest?prefix=" + prefix).toString()).as("suggest").doesNotContain(withdrawn.id());
            assertThat(ids(getJson("/articles/" + sibling.id() + "/related"))).as("related").doesNotContain(withdrawn.id());
            assertThat(ids(getJson("/latest?limit=50"))).as("search-service's latest").doesNotContain(withdrawn.id());
        });
    }

    @Test
    void aRenamedArticleRedirectsFromItsOldSlugAlsoOnTheCompositePage() {
        Story story = Newsroom.publish(Newsroom.draft(Newsroom.copy(Newsroom.marker("name"), Newsroom.marker("kin"))));
        String oldSlug = story.slug();
        Story renamed = Newsroom.rename(story, story.slug() + "-renamed");
        assertThat(renamed.slug()).isNotEqualTo(oldSlug);

        var article = get("/articles/" + oldSlug);
        assertThat(article.status()).isEqualTo(301);
        assertThat(article.header("Location")).satisfies(l -> assertThat(l).endsWith("/api/v1/articles/" + renamed.slug()));
        var page = get("/pages/article/" + oldSlug);
        assertThat(page.status()).as("composite page at the old slug: %s", page.body()).isEqualTo(301);
        assertThat(page.header("Location")).satisfies(l -> assertThat(l).endsWith("/api/v1/pages/article/" + renamed.slug()));
        assertThat(getJson("/pages/article/" + renamed.slug()).path("article").path("id").asString()).isEqualTo(renamed.id());
    }

    @Test
    void theCompositePageServesArticleCommentsAndRelatedInOneCall() {
        String family = Newsroom.marker("clan");
        Story sibling = Newsroom.publish(Newsroom.draft(Newsroom.copy(Newsroom.marker("sib"), family)));
        Story story = Newsroom.publish(Newsroom.draft(Newsroom.copy(Newsroom.marker("page"), family)));
        String comment = Newsroom.posted(Newsroom.comment(story.id(), Newsroom.formToken(story.id()), "All in one page.", null));

        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() -> {
            JsonNode page = getJson("/pages/article/" + story.slug());
            assertThat(page.path("article").path("id").asString()).isEqualTo(story.id());
            assertThat(page.path("comments").toString()).contains(comment);
            assertThat(page.path("commentCount").asLong()).isEqualTo(1);
            assertThat(ids(page.path("related"))).contains(sibling.id());
            assertThat(page.path("degraded").isArray()).isTrue();
            assertThat(page.path("degraded")).isEmpty();
        });
    }

    @Test
    void theApiReferenceAtTheGatewayListsEveryServicesOperations() {
        var config = PlatformClient.get(RunningPlatform.GATEWAY + "/v3/api-docs/swagger-config", null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).contains("/openapi/article", "/openapi/comment", "/openapi/search");
        var expected = java.util.Map.of(
                "/openapi/article", List.of("createDraft", "scheduleArticle", "publishArticle", "unpublishArticle"),
                "/openapi/comment", List.of("getCommentForm", "postComment", "decideComment", "getCommentCounts"),
                "/openapi/search", List.of("searchArticles", "suggestCompletions", "listRelatedArticles"),
                "/v3/api-docs", List.of("getArticlePage"));
        expected.forEach((document, operations) -> {
            // a service builds its document on the first request: on a busy machine that may outlast the gateway's timeout once
            var response = await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                    .until(() -> PlatformClient.get(RunningPlatform.GATEWAY + document, null), r -> r.status() != 504);
            assertThat(response.status()).as("%s without a token", document).isEqualTo(200);
            List<String> found = PlatformClient.json(response).path("paths").findValues("operationId").stream().map(JsonNode::asString).toList();
            assertThat(found).as(document).containsAll(operations);
        });
    }

    private static List<String> ids(JsonNode listing) {
        return StreamSupport.stream(listing.path("items").spliterator(), false).map(i -> i.path("id").asString()).toList();
    }
}

package io.newsroom.search.querying;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.search.support.NewsEvents;
import io.newsroom.search.support.NewsEvents.Copy;
import io.newsroom.search.support.RealInfraTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** GET /search, /latest and /suggest as a reader's client uses them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIT extends RealInfraTest {

    private final String desk = "desk" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void indexSomeNews() {
        indexDirectly(List.of(
                article("Volcano erupts near fishing village", "Ash from the volcano covered the fishing village overnight.",
                        "science", List.of("Volcanoes", "Iceland"), "Ana Lopez", "2024-03-02T10:00:00Z"),
                article("Volcano monitoring stepped up", "Scientists stepped up volcano monitoring after tremors.",
                        "science", List.of("Volcanoes"), "Ben Okafor", "2024-04-10T10:00:00Z"),
                article("Election results announced", "The election commission announced results on Sunday.",
                        "politics", List.of("Elections"), "Ana Lopez", "2024-04-12T10:00:00Z")));
    }

    @Test
    void findsArticlesWithHighlightsFacetsAndTotal() {
        JsonNode body = get("/search?q=volcano&tag=" + desk).json();

        assertThat(body.path("total").asLong()).isEqualTo(2);
        JsonNode first = body.path("items").get(0);
        assertThat(first.path("id").asString()).isNotBlank();
        assertThat(first.path("highlights").path("headline").asString()).contains("<mark>Volcano</mark>");
        assertThat(first.path("highlights").path("body").get(0).asString()).contains("<mark>volcano</mark>");
        assertThat(buckets(body.path("facets").path("sections"))).containsExactly("science=2");
        assertThat(buckets(body.path("facets").path("tags"))).contains("Volcanoes=2", "Iceland=1", desk + "=2");
        assertThat(buckets(body.path("facets").path("authors"))).contains("Ana Lopez=1", "Ben Okafor=1");
        assertThat(buckets(body.path("facets").path("publishedByMonth"))).containsExactly("2024-03-01=1", "2024-04-01=1");
    }

    @Test
    void toleratesTypos() {
        JsonNode body = get("/search?q=volcanoe%20erupst&tag=" + desk).json();

        JsonNode first = body.path("items").get(0);
        assertThat(first.path("headline").asString()).isEqualTo("Volcano erupts near fishing village");
        // Found through the typos: the snippet is the start of the body, nothing falsely marked.
        assertThat(first.path("highlights").path("body").get(0).asString()).startsWith("Ash from the volcano")
                .doesNotContain("<mark>");
    }

    @Test
    void filtersBySectionAuthorAndDatesAndSortsNewestFirst() {
        JsonNode body = get("/search?tag=" + desk + "&author=ana%20lopez&sort=newest").json();
        assertThat(headlines(body)).containsExactly("Election results announced", "Volcano erupts near fishing village");

        body = get("/search?tag=" + desk + "&section=Science&from=2024-04-01&to=2024-04-30").json();
        assertThat(headlines(body)).containsExactly("Volcano monitoring stepped up");
    }

    @Test
    void latestInATagNewestFirst() {
        JsonNode body = get("/latest?tag=" + desk + "&limit=2").json();

        assertThat(headlines(body)).containsExactly("Election results announced", "Volcano monitoring stepped up");
        JsonNode last = get("/latest?tag=" + desk + "&limit=2&cursor=" + body.path("nextCursor").asString()).json();
        assertThat(headlines(last)).containsExactly("Volcano erupts near fishing village");
        assertThat(last.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void searchPagesWithLimitAndCursorKeepingTotalAndFacets() {
        JsonNode first = get("/search?tag=" + desk + "&sort=NEWEST&limit=2").json();
        List<String> names = new ArrayList<>(first.propertyNames());
        assertThat(names).containsExactly("items", "nextCursor", "total", "facets");
        assertThat(headlines(first)).containsExactly("Election results announced", "Volcano monitoring stepped up");

        JsonNode second = get("/search?tag=" + desk + "&sort=newest&limit=2&cursor=" + first.path("nextCursor").asString())
                .json();
        assertThat(headlines(second)).containsExactly("Volcano erupts near fishing village");
        assertThat(second.path("total").asLong()).isEqualTo(3);
        assertThat(second.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void suggestsHeadlinesAndTagsByPrefix() {
        assertThat(suggestions("/suggest?prefix=" + desk.substring(0, 7))).contains(desk);
        assertThat(suggestions("/suggest?prefix=volcano%20erupts%20n")).contains("Volcano erupts near fishing village");
        assertThat(suggestions("/suggest?prefix=v")).hasSizeLessThanOrEqualTo(10);
    }

    private List<String> suggestions(String path) {
        List<String> texts = new ArrayList<>();
        get(path).json().path("items").forEach(s -> {
            assertThat(s.path("id").asString()).as(path).isNotBlank();
            texts.add(s.path("text").asString());
        });
        return texts;
    }

    @Test
    void queryParserSyntaxIsJustText() {
        var response = get("/search?q=" + java.net.URLEncoder.encode("volcano AND (title:\"x\" OR /.*/ ~~ [", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void badParametersAreProblemDetailsNamingTheField() {
        assertBadRequest("/search?q=" + "a".repeat(201), "q");
        assertBadRequest("/search?q=x&from=yesterday", "from");
        assertBadRequest("/search?q=x&from=2024-05-01&to=2024-04-01", "dateRangeOrdered");
        assertBadRequest("/search?sort=popular", "sort");
        assertBadRequest("/search?limit=500", "limit");
        assertBadRequest("/search?limit=0", "limit");
        assertBadRequest("/search?limit=99999999999", "limit");
        assertBadRequest("/search?cursor=not-a-cursor", "cursor");
        assertBadRequest("/latest?limit=-1", "limit");
        assertBadRequest("/latest?cursor=not-a-cursor", "cursor");
        assertBadRequest("/latest?section=" + "s".repeat(101), "section");
        assertBadRequest("/suggest?prefix=", "prefix");
        assertBadRequest("/suggest", "prefix");
        assertBadRequest("/suggest?prefix=v&limit=11", "limit");
        assertBadRequest("/articles/" + UUID.randomUUID() + "/related?limit=0", "limit");
        assertBadRequest("/articles/" + UUID.randomUUID() + "/related?limit=21", "limit");
    }

    /** Defect 3: a day Elasticsearch cannot parse reached it and came back as a 500. */
    @Test
    void datesFarOutsideThePublicationRangeAreBadRequests() {
        assertBadRequest("/search?q=x&from=-999999999-01-01", "from");
        assertBadRequest("/search?q=x&to=%2B999999999-12-31", "to");
        assertBadRequest("/search?q=x&from=1899-12-31", "from");
        assertThat(get("/search?q=x&from=1900-01-01&to=9999-12-31").status()).isEqualTo(200);
    }

    private void assertBadRequest(String path, String field) {
        var response = get(path);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).as(path).contains(field);
    }

    private NewsEvents.Copy copyOf(String headline, String body, String section, List<String> tags, String author,
                                   String publishedAt) {
        List<String> allTags = new ArrayList<>(tags);
        allTags.add(desk);
        return new Copy(headline, body, body, section, allTags, List.of(author), "Reykjavik", false,
                Instant.parse(publishedAt));
    }

    private io.newsroom.events.ArticlePublished article(String headline, String body, String section, List<String> tags,
                                                        String author, String publishedAt) {
        return NewsEvents.published(UUID.randomUUID(), 1, copyOf(headline, body, section, tags, author, publishedAt));
    }

    private static List<String> headlines(JsonNode body) {
        JsonNode hits = body.path("items");
        List<String> headlines = new ArrayList<>();
        hits.forEach(hit -> headlines.add(hit.path("headline").asString()));
        return headlines;
    }

    private static List<String> buckets(JsonNode facet) {
        List<String> buckets = new ArrayList<>();
        facet.forEach(b -> buckets.add(b.path("value").asString() + "=" + b.path("count").asLong()));
        return buckets;
    }
}

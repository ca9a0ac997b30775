package io.newsroom.search.querying;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SearchQueryBuilderTest {

    @Test
    void readerTextIsAValueOfMultiMatchNeverQuerySyntax() {
        String json = json(SearchQueryBuilder.build("articles", ArticleQuery.text("title:x AND (y OR")));

        assertThat(json).doesNotContain("query_string").doesNotContain("simple_query_string");
        assertThat(json).contains("\"multi_match\"").contains("\"fuzziness\":\"AUTO\"")
                .contains("\"query\":\"title:x AND (y OR\"");
    }

    @Test
    void relevanceModeBoostsNewerArticlesAndHighlightsHeadlineAndBody() {
        String json = json(SearchQueryBuilder.build("articles", ArticleQuery.text("ceasefire")));

        assertThat(json).contains("\"function_score\"").contains("\"gauss\"").contains("\"publishedAt\"");
        assertThat(json).contains("\"highlight\"").contains("\"headline\"").contains("\"body\"");
        // Highlighting re-runs its own query: without fuzziness it can use the offsets in the index.
        String highlightQuery = json.substring(json.indexOf("\"highlight_query\""), json.indexOf("\"post_tags\""));
        assertThat(highlightQuery).contains("\"query\":\"ceasefire\"").doesNotContain("fuzziness");
        assertThat(json).contains("\"sections\"").contains("\"tags\"").contains("\"authors\"").contains("\"date_histogram\"");
    }

    @Test
    void newestModeSortsByDateAndFiltersTombstonesAndFacets() {
        ArticleQuery query = new ArticleQuery(null, "World", "Lebanon", "Ana Lopez", LocalDate.of(2024, 11, 1),
                LocalDate.of(2024, 11, 30), "newest", 20, Cursors.search(40));

        String json = json(SearchQueryBuilder.build("articles", query));

        assertThat(json).doesNotContain("function_score").contains("\"sort\"").contains("\"from\":40");
        assertThat(json).contains("\"status\":{\"value\":\"published\"}");
        assertThat(json).contains("\"section.folded\":{\"value\":\"world\"}").contains("\"tags.folded\":{\"value\":\"lebanon\"}");
        assertThat(json).contains("\"gte\":\"2024-11-01T00:00:00Z\"").contains("\"lte\":\"2024-11-30T23:59:59.999Z\"");
    }

    @Test
    void widestDateRangeStaysWithinWhatElasticsearchParses() {
        ArticleQuery query = new ArticleQuery(null, null, null, null, LocalDate.of(1900, 1, 1),
                LocalDate.of(9999, 12, 31), null, null, null);

        String json = json(SearchQueryBuilder.build("articles", query));

        assertThat(json).contains("\"gte\":\"1900-01-01T00:00:00Z\"").contains("\"lte\":\"9999-12-31T23:59:59.999Z\"");
    }

    private static String json(SearchRequest request) {
        return JsonpUtils.toJsonString(request, new co.elastic.clients.json.jackson.Jackson3JsonpMapper());
    }
}

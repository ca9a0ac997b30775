package io.newsroom.search.querying;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.newsroom.edge.listing.Listing;
import io.newsroom.search.index.ArticleDocument;
import io.newsroom.search.index.ArticleIndex;
import io.newsroom.search.index.ElasticsearchUnavailable;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * "Latest News" within a section and/or tag, newest first, in one query per page. Pages follow each other
 * with {@code search_after} on (publishedAt, id), so paging has no depth limit and never repeats an article.
 */
@Service
public class LatestArticles {

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final HitReader hits;

    public LatestArticles(ElasticsearchClient client, ArticleIndex index, HitReader hits) {
        this.client = client;
        this.index = index;
        this.hits = hits;
    }

    /** @param cursor a {@link Cursors#latest} cursor (already validated), or {@code null} for the first page */
    public Listing<ArticleHit> latest(@Nullable String section, @Nullable String tag, int limit,
                                      @Nullable String cursor) {
        BoolQuery.Builder bool = new BoolQuery.Builder().filter(QueryParts.published());
        if (section != null && !section.isBlank()) {
            bool.filter(f -> f.term(t -> t.field("section.folded").value(section.strip().toLowerCase(Locale.ROOT))));
        }
        if (tag != null && !tag.isBlank()) {
            bool.filter(f -> f.term(t -> t.field("tags.folded").value(tag.strip().toLowerCase(Locale.ROOT))));
        }
        BoolQuery query = bool.build();
        var after = Cursors.latestPosition(cursor);
        try {
            SearchResponse<ArticleDocument> response = client.search(s -> {
                s.index(index.alias())
                        .query(q -> q.bool(query))
                        .size(limit + 1) // one more than asked tells whether a next page exists
                        .source(QueryParts.listSource())
                        .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("articleId").order(SortOrder.Asc)));
                after.ifPresent(p -> s.searchAfter(FieldValue.of(p.publishedAtMillis()), FieldValue.of(p.articleId())));
                return s;
            }, ArticleDocument.class);
            List<Hit<ArticleDocument>> found = response.hits().hits();
            if (found.size() <= limit) {
                return Listing.of(hits.read(found));
            }
            List<Hit<ArticleDocument>> page = found.subList(0, limit);
            Hit<ArticleDocument> last = page.getLast();
            String next = Cursors.latest(Instant.ofEpochMilli(last.sort().getFirst().longValue()), last.id());
            return new Listing<>(hits.read(page), next);
        } catch (IOException e) {
            throw new ElasticsearchUnavailable("Latest articles", e);
        }
    }
}

package io.newsroom.search.querying;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.newsroom.search.index.ArticleDocument;
import io.newsroom.search.index.ArticleIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** "Latest News" within a section and/or tag, newest first, in one query. */
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

    public List<ArticleHit> latest(String section, String tag, int size) {
        BoolQuery.Builder bool = new BoolQuery.Builder().filter(QueryParts.published());
        if (section != null && !section.isBlank()) {
            bool.filter(f -> f.term(t -> t.field("section.folded").value(section.strip().toLowerCase(Locale.ROOT))));
        }
        if (tag != null && !tag.isBlank()) {
            bool.filter(f -> f.term(t -> t.field("tags.folded").value(tag.strip().toLowerCase(Locale.ROOT))));
        }
        BoolQuery query = bool.build();
        try {
            SearchResponse<ArticleDocument> response = client.search(s -> s.index(index.alias())
                    .query(q -> q.bool(query))
                    .size(size)
                    .source(QueryParts.listSource())
                    .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc))), ArticleDocument.class);
            return hits.read(response.hits().hits());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.newsroom.search.querying;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.newsroom.search.index.ArticleDocument;
import io.newsroom.search.index.ArticleIndex;
import io.newsroom.search.index.ElasticsearchUnavailable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Full-text search with facets over the published articles. */
@Service
public class ArticleSearch {

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final HitReader hits;

    public ArticleSearch(ElasticsearchClient client, ArticleIndex index, HitReader hits) {
        this.client = client;
        this.index = index;
        this.hits = hits;
    }

    public SearchResults search(ArticleQuery query) {
        try {
            SearchResponse<ArticleDocument> response =
                    client.search(SearchQueryBuilder.build(index.alias(), query), ArticleDocument.class);
            long total = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
            Map<String, Aggregate> aggs = response.aggregations();
            var facets = new SearchResults.Facets(terms(aggs.get("sections")), terms(aggs.get("tags")),
                    terms(aggs.get("authors")), months(aggs.get("publishedByMonth")));
            return new SearchResults(hits.read(response.hits().hits()), query.nextCursor(total), total, facets);
        } catch (IOException e) {
            throw new ElasticsearchUnavailable("Search", e);
        }
    }

    private static List<SearchResults.Bucket> terms(Aggregate aggregate) {
        if (aggregate == null || !aggregate.isSterms()) {
            return List.of();
        }
        return aggregate.sterms().buckets().array().stream()
                .map(b -> new SearchResults.Bucket(b.key().stringValue(), b.docCount()))
                .toList();
    }

    private static List<SearchResults.Bucket> months(Aggregate aggregate) {
        if (aggregate == null || !aggregate.isDateHistogram()) {
            return List.of();
        }
        return aggregate.dateHistogram().buckets().array().stream()
                .map(b -> new SearchResults.Bucket(b.keyAsString(), b.docCount()))
                .toList();
    }
}

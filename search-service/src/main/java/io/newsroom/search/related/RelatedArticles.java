package io.newsroom.search.related;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.newsroom.search.index.ArticleDocument;
import io.newsroom.search.index.ArticleIndex;
import io.newsroom.search.querying.ArticleHit;
import io.newsroom.search.querying.HitReader;
import io.newsroom.search.querying.QueryParts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * "More Articles Like This": more-like-this over headline, standfirst, body and tags, newer articles
 * preferred. When the article has too little text for term statistics to mean anything, or
 * more-like-this finds fewer than asked, the list is filled with articles sharing the most tags.
 * The article itself and unpublished articles never appear.
 */
@Service
public class RelatedArticles {

    /** Below this many words, more-like-this picks noise terms; shared tags say more. */
    static final int MIN_WORDS_FOR_TEXT = 40;

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final HitReader hits;

    public RelatedArticles(ElasticsearchClient client, ArticleIndex index, HitReader hits) {
        this.client = client;
        this.index = index;
        this.hits = hits;
    }

    /** @return empty when the article is unknown or unpublished */
    public Optional<List<ArticleHit>> relatedTo(String articleId, int size) {
        Optional<ArticleDocument> article = find(articleId);
        if (article.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Hit<ArticleDocument>> related = new LinkedHashMap<>();
        if (words(article.get()) >= MIN_WORDS_FOR_TEXT) {
            search(moreLikeThis(articleId), size).forEach(hit -> related.putIfAbsent(hit.id(), hit));
        }
        if (related.size() < size && !article.get().tags().isEmpty()) {
            search(sharedTags(articleId, article.get().tags()), size)
                    .forEach(hit -> related.putIfAbsent(hit.id(), hit));
        }
        return Optional.of(hits.read(new ArrayList<>(related.values()).subList(0, Math.min(size, related.size()))));
    }

    private Optional<ArticleDocument> find(String articleId) {
        try {
            GetResponse<ArticleDocument> response = client.get(g -> g.index(index.alias()).id(articleId),
                    ArticleDocument.class);
            return Optional.ofNullable(response.found() ? response.source() : null)
                    .filter(ArticleDocument::isPublished);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query moreLikeThis(String articleId) {
        return Query.of(q -> q.bool(b -> b
                .filter(QueryParts.published())
                .must(m -> m.moreLikeThis(mlt -> mlt
                        .fields("headline", "standfirst", "body", "tags.text")
                        .like(l -> l.document(d -> d.index(index.alias()).id(articleId)))
                        .include(false)
                        // A newsroom index can be small (a new desk, tests): do not require terms to be common.
                        .minTermFreq(1)
                        .minDocFreq(1)
                        .maxQueryTerms(25)
                        .minimumShouldMatch("20%")))));
    }

    private static Query sharedTags(String articleId, List<String> tags) {
        return Query.of(q -> q.bool(b -> b
                .filter(QueryParts.published())
                .mustNot(n -> n.ids(i -> i.values(articleId)))
                .must(m -> m.terms(t -> t.field("tags")
                        .terms(v -> v.value(tags.stream().map(FieldValue::of).toList()))))
                // Each shared tag adds to the score, so more shared tags rank higher.
                .should(tags.stream().map(tag -> Query.of(s -> s.term(t -> t.field("tags").value(tag)))).toList())));
    }

    private List<Hit<ArticleDocument>> search(Query query, int size) {
        try {
            return client.search(s -> s.index(index.alias()).query(QueryParts.newerPreferred(query)).size(size),
                    ArticleDocument.class).hits().hits();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int words(ArticleDocument article) {
        String text = String.join(" ", nullToEmpty(article.headline()), nullToEmpty(article.standfirst()),
                nullToEmpty(article.body())).strip();
        return text.isEmpty() ? 0 : text.split("\\s+").length;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

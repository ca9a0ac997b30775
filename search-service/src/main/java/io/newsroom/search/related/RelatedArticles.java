package io.newsroom.search.related;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.newsroom.search.index.ArticleDocument;
import io.newsroom.search.index.ArticleIndex;
import io.newsroom.search.querying.ArticleHit;
import io.newsroom.search.querying.HitReader;
import io.newsroom.search.querying.QueryParts;
import io.newsroom.search.index.ElasticsearchUnavailable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * "More Articles Like This". A news page always fills its slot, so the list is built in rounds, each
 * asked only for what is still missing and excluding every article already chosen (and the article itself):
 * <ol>
 *   <li>more-like-this over headline, standfirst, body and tags, newer articles preferred — skipped when
 *       the article has too little text for term statistics to mean anything;</li>
 *   <li>articles sharing the most tags, then the newest;</li>
 *   <li>the newest in the same section;</li>
 *   <li>the newest of all.</li>
 * </ol>
 * Only published articles appear, none twice; the list has {@code limit} items whenever the index holds
 * that many other published articles.
 */
@Service
public class RelatedArticles {

    /** Below this many words, more-like-this picks noise terms; shared tags say more. */
    static final int MIN_WORDS_FOR_TEXT = 40;

    private static final List<SortOptions> NEWEST_FIRST = List.of(
            SortOptions.of(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc))),
            SortOptions.of(o -> o.field(f -> f.field("articleId").order(SortOrder.Asc))));
    private static final List<SortOptions> BEST_THEN_NEWEST = List.of(
            SortOptions.of(o -> o.score(s -> s.order(SortOrder.Desc))),
            SortOptions.of(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc))),
            SortOptions.of(o -> o.field(f -> f.field("articleId").order(SortOrder.Asc))));

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final HitReader hits;

    public RelatedArticles(ElasticsearchClient client, ArticleIndex index, HitReader hits) {
        this.client = client;
        this.index = index;
        this.hits = hits;
    }

    /** @return empty when the article is unknown or unpublished */
    public Optional<List<ArticleHit>> relatedTo(String articleId, int limit) {
        Optional<ArticleDocument> found = find(articleId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ArticleDocument article = found.get();
        Map<String, Hit<ArticleDocument>> related = new LinkedHashMap<>();
        if (words(article) >= MIN_WORDS_FOR_TEXT) {
            fill(related, articleId, limit, QueryParts.newerPreferred(moreLikeThis(articleId)), List.of());
        }
        List<String> tags = article.tags() == null ? List.of() : article.tags();
        if (!tags.isEmpty()) {
            fill(related, articleId, limit, sharedTags(tags), BEST_THEN_NEWEST);
        }
        if (article.section() != null && !article.section().isBlank()) {
            String section = article.section();
            fill(related, articleId, limit, Query.of(q -> q.term(t -> t.field("section").value(section))), NEWEST_FIRST);
        }
        fill(related, articleId, limit, Query.of(q -> q.matchAll(m -> m)), NEWEST_FIRST);
        return Optional.of(hits.read(new ArrayList<>(related.values())));
    }

    /** One round: up to the missing number of published articles matching {@code query}, none chosen yet. */
    private void fill(Map<String, Hit<ArticleDocument>> related, String articleId, int limit, Query query,
                      List<SortOptions> sort) {
        int missing = limit - related.size();
        if (missing <= 0) {
            return;
        }
        List<String> excluded = new ArrayList<>(related.keySet());
        excluded.add(articleId);
        Query round = Query.of(q -> q.bool(b -> b
                .filter(QueryParts.published())
                .mustNot(n -> n.ids(i -> i.values(excluded)))
                .must(query)));
        try {
            client.search(s -> {
                        s.index(index.alias()).query(round).size(missing).source(QueryParts.listSource());
                        return sort.isEmpty() ? s : s.sort(sort);
                    }, ArticleDocument.class)
                    .hits().hits()
                    .forEach(hit -> related.putIfAbsent(hit.id(), hit));
        } catch (IOException e) {
            throw new ElasticsearchUnavailable("Related articles", e);
        }
    }

    private Optional<ArticleDocument> find(String articleId) {
        try {
            GetResponse<ArticleDocument> response = client.get(g -> g.index(index.alias()).id(articleId),
                    ArticleDocument.class);
            return Optional.ofNullable(response.found() ? response.source() : null)
                    .filter(ArticleDocument::isPublished);
        } catch (IOException e) {
            throw new ElasticsearchUnavailable("Related articles", e);
        }
    }

    private Query moreLikeThis(String articleId) {
        return Query.of(q -> q.moreLikeThis(mlt -> mlt
                .fields("headline", "standfirst", "body", "tags.text")
                .like(l -> l.document(d -> d.index(index.alias()).id(articleId)))
                .include(false)
                // A newsroom index can be small (a new desk, tests): do not require terms to be common.
                .minTermFreq(1)
                .minDocFreq(1)
                .maxQueryTerms(25)
                .minimumShouldMatch("20%")));
    }

    /** Each shared tag adds to the score, so more shared tags rank higher. */
    private static Query sharedTags(List<String> tags) {
        return Query.of(q -> q.bool(b -> b
                .filter(f -> f.terms(t -> t.field("tags")
                        .terms(v -> v.value(tags.stream().map(FieldValue::of).toList()))))
                .should(tags.stream().map(tag -> Query.of(s -> s.constantScore(c -> c
                        .filter(f -> f.term(t -> t.field("tags").value(tag)))))).toList())));
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

package io.newsroom.search.querying;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.util.NamedValue;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Builds the Elasticsearch request for an {@link ArticleQuery}. The reader's text only ever goes into
 * {@code multi_match} / {@code match_phrase} as a value, so no input can be a syntax error or reach a
 * query parser ({@code query_string} is never used).
 */
public final class SearchQueryBuilder {

    static final String[] TEXT_FIELDS = {"headline^3", "standfirst^2", "tags.text^2", "body"};
    static final int FACET_SIZE = 20;

    private SearchQueryBuilder() {
    }

    public static SearchRequest build(String index, ArticleQuery query) {
        Query filtered = Query.of(q -> q.bool(b -> filters(b, query)));
        Query scored = query.newestFirst() ? filtered : QueryParts.newerPreferred(filtered);
        return SearchRequest.of(s -> {
            s.index(index)
                    .query(scored)
                    .from(query.offset())
                    .size(query.pageSize())
                    .source(QueryParts.listSource())
                    .trackTotalHits(t -> t.enabled(true))
                    .aggregations("sections", a -> a.terms(t -> t.field("section").size(FACET_SIZE)))
                    .aggregations("tags", a -> a.terms(t -> t.field("tags").size(FACET_SIZE)))
                    .aggregations("authors", a -> a.terms(t -> t.field("authors").size(FACET_SIZE)))
                    .aggregations("publishedByMonth", a -> a.dateHistogram(h -> h.field("publishedAt")
                            .calendarInterval(CalendarInterval.Month).format("yyyy-MM-dd").minDocCount(1)));
            if (query.newestFirst()) {
                s.sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc)))
                        .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
            } else {
                s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
            }
            // Ties keep one order from page to page, so a cursor neither repeats nor skips an article.
            s.sort(o -> o.field(f -> f.field("articleId").order(SortOrder.Asc)));
            if (query.q() != null) {
                s.highlight(h -> h
                        .encoder(HighlighterEncoder.Html)
                        .preTags("<mark>").postTags("</mark>")
                        .highlightQuery(wordsAsWritten(query.q()))
                        .fields(NamedValue.of("headline", HighlightField.of(f -> f.numberOfFragments(0))))
                        .fields(NamedValue.of("body", HighlightField.of(f -> f.fragmentSize(160).numberOfFragments(2)
                                .noMatchSize(160)))));
            }
            return s;
        });
    }

    /**
     * Highlights mark the reader's words as written, without fuzziness. A fuzzy (multi-term) query
     * makes the unified highlighter give up the indexed offsets and re-analyse every hit's body in
     * memory, rebuilding the Levenshtein automata per hit: measured at ~100-170 ms per page. A hit
     * found only through a typo still shows the start of its body ({@code no_match_size}).
     */
    static Query wordsAsWritten(String q) {
        return Query.of(h -> h.multiMatch(mm -> mm.query(q).fields("headline", "body").operator(Operator.Or)));
    }

    private static BoolQuery.Builder filters(BoolQuery.Builder bool, ArticleQuery query) {
        bool.filter(QueryParts.published());
        if (query.q() == null) {
            bool.must(m -> m.matchAll(a -> a));
        } else {
            // Typo-tolerant match over all text fields, plus a bonus when the words appear as a phrase
            // in the headline, so searching for a headline finds that article first.
            bool.must(m -> m.multiMatch(mm -> mm.query(query.q()).fields(java.util.List.of(TEXT_FIELDS))
                    .type(TextQueryType.BestFields).tieBreaker(0.3).fuzziness("AUTO").prefixLength(1)
                    .maxExpansions(50).operator(Operator.Or)));
            bool.should(sh -> sh.matchPhrase(p -> p.field("headline").query(query.q()).slop(2).boost(2.0f)));
        }
        if (query.section() != null) {
            bool.filter(f -> f.term(t -> t.field("section.folded").value(query.section().toLowerCase(Locale.ROOT))));
        }
        if (query.tag() != null) {
            bool.filter(f -> f.term(t -> t.field("tags.folded").value(query.tag().toLowerCase(Locale.ROOT))));
        }
        if (query.author() != null) {
            bool.filter(f -> f.term(t -> t.field("authors.folded").value(query.author().toLowerCase(Locale.ROOT))));
        }
        if (query.from() != null || query.to() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> {
                d.field("publishedAt");
                if (query.from() != null) {
                    d.gte(query.from().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
                }
                if (query.to() != null) {
                    // Inclusive last millisecond of the day (publishedAt has millisecond resolution): stays
                    // within year 9999, which Elasticsearch's date parser accepts; the next midnight may not.
                    d.lte(query.to().atTime(LocalTime.MAX).truncatedTo(ChronoUnit.MILLIS).toInstant(ZoneOffset.UTC).toString());
                }
                return d;
            })));
        }
        return bool;
    }
}

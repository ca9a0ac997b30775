package io.newsroom.search.querying;

import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import io.newsroom.search.index.ArticleDocument;

/** Query pieces every read path shares, so "published only" and "newer is better" mean the same everywhere. */
public final class QueryParts {

    private QueryParts() {
    }

    /**
     * Result lists never show the body or the suggester inputs: leaving them out of {@code _source}
     * spares Elasticsearch loading and the service parsing a few KB per hit (highlights come from the index).
     */
    public static SourceConfig listSource() {
        return SourceConfig.of(s -> s.filter(f -> f.excludes("body", "suggest")));
    }

    /** Tombstones of unpublished articles stay in the index (see ArticleDocument); readers never see them. */
    public static Query published() {
        return Query.of(q -> q.term(t -> t.field("status").value(ArticleDocument.PUBLISHED)));
    }

    /**
     * Multiplies the score by {@code 1 + 0.5 * gauss(publishedAt)}: today's news gets up to 1.5x, a
     * month-old article about 1.25x, old archive articles 1x. Additive inside the factor, so an old
     * article that matches much better still wins, and scores never collapse to zero for old corpora.
     */
    public static Query newerPreferred(Query query) {
        return Query.of(q -> q.functionScore(fs -> fs
                .query(query)
                .functions(f -> f.weight(1.0))
                .functions(f -> f.weight(0.5).gauss(g -> g.date(d -> d.field("publishedAt")
                        .placement(p -> p.origin("now").scale(Time.of(t -> t.time("30d"))).offset(Time.of(t -> t.time("1d")))
                                .decay(0.5)))))
                .scoreMode(FunctionScoreMode.Sum)
                .boostMode(FunctionBoostMode.Multiply)));
    }
}

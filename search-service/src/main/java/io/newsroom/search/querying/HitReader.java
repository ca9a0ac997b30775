package io.newsroom.search.querying;

import co.elastic.clients.elasticsearch.core.search.Hit;
import io.newsroom.search.index.ArticleDocument;
import io.newsroom.search.index.CommentCountIndex;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Turns Elasticsearch hits into {@link ArticleHit}s, joining in the comment counts with one multi-get. */
@Component
public class HitReader {

    private final CommentCountIndex commentCounts;

    public HitReader(CommentCountIndex commentCounts) {
        this.commentCounts = commentCounts;
    }

    public List<ArticleHit> read(List<Hit<ArticleDocument>> hits) {
        List<ArticleDocument> docs = hits.stream().map(Hit::source).filter(Objects::nonNull).toList();
        Map<String, Long> counts = commentCounts.countsOf(docs.stream().map(ArticleDocument::articleId).toList());
        return hits.stream().filter(hit -> hit.source() != null)
                .map(hit -> ArticleHit.of(hit.source(), counts.getOrDefault(hit.source().articleId(), 0L),
                        highlights(hit.highlight())))
                .toList();
    }

    private static ArticleHit.Highlights highlights(Map<String, List<String>> highlight) {
        if (highlight == null || highlight.isEmpty()) {
            return null;
        }
        List<String> headline = highlight.getOrDefault("headline", List.of());
        return new ArticleHit.Highlights(headline.isEmpty() ? null : headline.getFirst(),
                highlight.getOrDefault("body", List.of()));
    }
}

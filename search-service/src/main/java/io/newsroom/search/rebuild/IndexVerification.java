package io.newsroom.search.rebuild;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Compares a rebuilt index with the source of truth: every article id, version and published state. */
@Component
class IndexVerification {

    private static final int PAGE = 5_000;
    private static final int EXAMPLES = 10;

    private final ElasticsearchClient client;

    IndexVerification(ElasticsearchClient client) {
        this.client = client;
    }

    /** Only the fields the check needs. */
    record Stored(String articleId, String status, long version) {
    }

    RebuildReport.Check check(String index, SourceOfTruth truth) {
        Map<String, SourceOfTruth.Latest> expected = truth.articles();
        Map<String, SourceOfTruth.Latest> indexed = readAll(index);
        long missing = 0;
        long mismatches = 0;
        List<String> examples = new ArrayList<>();
        for (var entry : expected.entrySet()) {
            SourceOfTruth.Latest found = indexed.get(entry.getKey());
            if (found == null) {
                missing++;
            } else if (!found.equals(entry.getValue())) {
                mismatches++;
            } else {
                continue;
            }
            if (examples.size() < EXAMPLES) {
                examples.add(entry.getKey());
            }
        }
        long unexpected = indexed.keySet().stream().filter(id -> !expected.containsKey(id)).count();
        long indexedPublished = indexed.values().stream().filter(SourceOfTruth.Latest::published).count();
        return new RebuildReport.Check(missing == 0 && unexpected == 0 && mismatches == 0,
                expected.size(), truth.published(), indexed.size(), indexedPublished, missing, unexpected,
                mismatches, examples);
    }

    /** Pages through the whole index in article id order (search_after, so no scroll context to leak). */
    private Map<String, SourceOfTruth.Latest> readAll(String index) {
        Map<String, SourceOfTruth.Latest> stored = new HashMap<>();
        List<FieldValue> after = null;
        try {
            while (true) {
                List<FieldValue> searchAfter = after;
                SearchResponse<Stored> page = client.search(s -> {
                    s.index(index).size(PAGE)
                            .source(src -> src.filter(f -> f.includes("articleId", "status", "version")))
                            .sort(o -> o.field(f -> f.field("articleId").order(SortOrder.Asc)));
                    if (searchAfter != null) {
                        s.searchAfter(searchAfter);
                    }
                    return s;
                }, Stored.class);
                List<Hit<Stored>> hits = page.hits().hits();
                for (Hit<Stored> hit : hits) {
                    Stored doc = hit.source();
                    stored.put(doc.articleId(), new SourceOfTruth.Latest(doc.version(), "published".equals(doc.status())));
                }
                if (hits.size() < PAGE) {
                    return stored;
                }
                after = hits.getLast().sort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
